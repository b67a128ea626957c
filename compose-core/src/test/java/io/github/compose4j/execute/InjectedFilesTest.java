package io.github.compose4j.execute;

import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.github.compose4j.execute.TestProjects.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectedFilesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T00:45:32Z");

    @TempDir
    Path dir;

    private Project project(Map<String, String> env) {
        return load(dir, "csx2", """
                services:
                  web:
                    image: busybox
                    secrets:
                      - senv
                      - source: senv
                        target: rel/senv2
                      - source: senv
                        target: /abs/senv
                        uid: "100"
                        gid: "101"
                        mode: 0400
                      - source: sfile
                    configs:
                      - cenv
                      - source: ccontent
                        target: /etc/cc
                        uid: "5"
                        mode: 0600
                      - source: ccontent
                        target: relc
                      - cfile
                secrets:
                  senv:
                    environment: SENV
                  sfile:
                    file: ./s1.txt
                configs:
                  cenv:
                    environment: CENV
                  ccontent:
                    content: "hello $$world"
                  cfile:
                    file: ./c1.txt
                """, env);
    }

    /** name, mode, uid, gid, content of the single file of an archive. */
    private static List<String> entry(FileCopy copy) {
        byte[] tar = copy.tar();
        String name = field(tar, 0, 100);
        long size = Long.parseLong(field(tar, 124, 12), 8);
        String content = new String(tar, 512, (int) size, StandardCharsets.UTF_8);
        return List.of(name, field(tar, 100, 8), field(tar, 108, 8), field(tar, 116, 8), content);
    }

    private static String field(byte[] tar, int offset, int size) {
        int end = offset;
        while (end < offset + size && tar[end] != 0) {
            end++;
        }
        return new String(tar, offset, end - offset, StandardCharsets.US_ASCII);
    }

    @Test
    void environmentSecretsAndInlineOrEnvironmentConfigsAreCopied() {
        List<FileCopy> copies = InjectedFiles.of(project(Map.of("SENV", "sv", "CENV", "cv")),
                project(Map.of("SENV", "sv", "CENV", "cv")).services().get("web"), NOW);
        assertThat(copies).extracting(FileCopy::directory).containsOnly("/");
        assertThat(copies).extracting(InjectedFilesTest::entry).containsExactly(
                List.of("/run/secrets/senv", "0000444", "0000000", "0000000", "sv"),
                List.of("/run/secrets/rel/senv2", "0000444", "0000000", "0000000", "sv"),
                List.of("/abs/senv", "0000400", "0000144", "0000145", "sv"),
                List.of("/cenv", "0000444", "0000000", "0000000", "cv"),
                List.of("/etc/cc", "0000600", "0000005", "0000000", "hello $world"),
                List.of("relc", "0000444", "0000000", "0000000", "hello $world"));
        assertThat(copies).extracting(FileCopy::copyUidGid).containsExactly(false, false, true, false, true, false);
    }

    @Test
    void archiveIsOneHeaderTheContentBlockAndTwoZeroBlocks() {
        Project p = project(Map.of("SENV", "sv", "CENV", "cv"));
        byte[] tar = InjectedFiles.of(p, p.services().get("web"), NOW).get(0).tar();
        assertThat(tar).hasSize(4 * 512);
        assertThat(Arrays.copyOfRange(tar, 1024, 2048)).containsOnly(0);
        assertThat(field(tar, 136, 12)).isEqualTo(Long.toOctalString(NOW.getEpochSecond()));
    }

    @Test
    void missingVariableFails() {
        Project p = project(Map.of("SENV", "sv"));
        assertThatThrownBy(() -> InjectedFiles.of(p, p.services().get("web"), NOW))
                .hasMessage("environment variable \"CENV\" required by file \"csx2_cenv\" is not set");
    }
}
