package io.github.compose4j.build;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build context's tar stream: what is sent, and how. */
class BuildContextTest {
    @TempDir
    Path dir;

    /** One tar entry: name, type flag, link target, mode, owner. */
    record Entry(String name, char type, String link, long mode, long uid, long gid, String content) {
    }

    private void file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private List<Entry> archive(BuildContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.write(out);
        return entries(out.toByteArray());
    }

    private List<String> names(BuildContext context) throws IOException {
        return archive(context).stream().map(Entry::name).toList();
    }

    @Test
    void sendsTheDirectoryInLexicalOrderWithDirectoriesMarked() throws IOException {
        file("Dockerfile", "FROM busybox:latest\n");
        file("b.txt", "b");
        file("a/z.txt", "z");

        assertThat(names(BuildContext.of(dir.toString(), "Dockerfile", ""))).containsExactly("Dockerfile", "a/",
                "a/z.txt", "b.txt");
    }

    @Test
    void leavesOutWhatTheIgnoreFileExcludes() throws IOException {
        file("Dockerfile", "FROM busybox:latest\n");
        file(".dockerignore", "*.log\nbuild\n!build/keep.txt\n");
        file("app.log", "");
        file("app.txt", "");
        file("build/out.bin", "");
        file("build/keep.txt", "");

        assertThat(names(BuildContext.of(dir.toString(), "Dockerfile", ""))).containsExactly(".dockerignore",
                "Dockerfile", "app.txt", "build/keep.txt");
    }

    @Test
    void alwaysSendsTheDockerfileAndTheIgnoreFile() throws IOException {
        file("Dockerfile", "FROM busybox:latest\n");
        file(".dockerignore", "*\n");
        file("other", "");

        assertThat(names(BuildContext.of(dir.toString(), "Dockerfile", ""))).containsExactly(".dockerignore",
                "Dockerfile");
    }

    @Test
    void anIgnoreFileNamedAfterTheDockerfileWins() throws IOException {
        file("app.Dockerfile", "FROM busybox:latest\n");
        file("app.Dockerfile.dockerignore", "a.txt\n");
        file(".dockerignore", "b.txt\n");
        file("a.txt", "");
        file("b.txt", "");

        assertThat(names(BuildContext.of(dir.toString(), "app.Dockerfile", ""))).contains("b.txt")
                .doesNotContain("a.txt");
    }

    @Test
    void keepsSymbolicLinksAsLinks() throws IOException {
        file("Dockerfile", "FROM busybox:latest\n");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("target.txt"));

        Entry link = archive(BuildContext.of(dir.toString(), "Dockerfile", "")).stream()
                .filter(e -> e.name().equals("link")).findFirst().orElseThrow();

        assertThat(link.type()).isEqualTo('2');
        assertThat(link.link()).isEqualTo("target.txt");
    }

    @Test
    void sendsFilesWithTheirModeOwnedByRoot() throws IOException {
        file("Dockerfile", "FROM busybox:latest\n");
        file("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));

        Entry script = archive(BuildContext.of(dir.toString(), "Dockerfile", "")).stream()
                .filter(e -> e.name().equals("run.sh")).findFirst().orElseThrow();

        assertThat(script.mode()).isEqualTo(0750);
        assertThat(script.uid()).isZero();
        assertThat(script.gid()).isZero();
        assertThat(script.content()).isEqualTo("#!/bin/sh\n");
    }

    @Test
    void aDockerfileOutsideTheContextIsAddedUnderAGeneratedName() throws IOException {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("outside.Dockerfile"), "FROM busybox:latest\n");

        BuildContext c = BuildContext.of(context.toString(), "../outside.Dockerfile", "");
        List<Entry> entries = archive(c);

        assertThat(c.dockerfile()).startsWith(".dockerfile.");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo(c.dockerfile());
            assertThat(e.content()).isEqualTo("FROM busybox:latest\n");
        });
    }

    @Test
    void anInlineDockerfileIsAddedUnderAGeneratedName() throws IOException {
        file("a.txt", "a");

        BuildContext c = BuildContext.of(dir.toString(), "Dockerfile", "FROM busybox:latest\nRUN true\n");

        assertThat(archive(c)).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo(c.dockerfile());
            assertThat(e.content()).isEqualTo("FROM busybox:latest\nRUN true\n");
        });
    }

    @Test
    void aMissingDockerfileFailsAsTheDockerCliSays() {
        assertThatThrownBy(() -> BuildContext.of(dir.toString(), "nope.Dockerfile", ""))
                .isInstanceOf(ComposeException.class)
                .hasMessage("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
                        + dir.resolve("nope.Dockerfile") + ": no such file or directory");
    }

    @Test
    void aMissingContextFailsAsComposeSays() {
        String missing = dir.resolve("nodir").toString();

        assertThatThrownBy(() -> BuildContext.of(missing, "Dockerfile", ""))
                .hasMessage("unable to prepare context: path \"" + missing + "\" not found");
    }

    @Test
    void longNamesSurviveThroughPaxRecords() throws IOException {
        file("Dockerfile", "FROM busybox:latest\n");
        String deep = "d".repeat(90) + "/" + "f".repeat(120) + ".txt";
        file(deep, "x");

        assertThat(names(BuildContext.of(dir.toString(), "Dockerfile", ""))).contains(deep);
    }

    /** A small tar reader: ustar names with prefix, PAX path and linkpath records. */
    static List<Entry> entries(byte[] tar) {
        List<Entry> out = new ArrayList<>();
        int off = 0;
        String paxPath = null;
        String paxLink = null;
        while (off + 512 <= tar.length && tar[off] != 0) {
            String name = field(tar, off, 100);
            String prefix = field(tar, off + 345, 155);
            long size = octal(tar, off + 124, 12);
            char type = (char) tar[off + 156];
            String content = new String(tar, off + 512, (int) size, StandardCharsets.UTF_8);
            if (type == 'x') {
                for (String rec : content.split("\n")) {
                    String kv = rec.substring(rec.indexOf(' ') + 1);
                    if (kv.startsWith("path=")) {
                        paxPath = kv.substring(5);
                    } else if (kv.startsWith("linkpath=")) {
                        paxLink = kv.substring(9);
                    }
                }
            } else {
                String full = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
                String link = paxLink != null ? paxLink : field(tar, off + 157, 100);
                out.add(new Entry(full, type, link, octal(tar, off + 100, 8), octal(tar, off + 108, 8),
                        octal(tar, off + 116, 8), content));
                paxPath = null;
                paxLink = null;
            }
            off += 512 + (int) ((size + 511) / 512 * 512);
        }
        return out;
    }

    private static String field(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) {
        String s = field(b, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
}
