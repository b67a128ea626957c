package io.github.compose4j.build;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.execute.TarWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A build context as the docker CLI sends it to the classic builder: the context directory as a tar stream
 * (entries in lexical order, owned by root, symbolic links kept as links, modes as on disk) without what the
 * ignore patterns exclude; the Dockerfile and the ignore file always sent; a Dockerfile from outside the
 * directory, or given inline, added under a generated name.
 *
 * @param directory  the context directory
 * @param dockerfile the Dockerfile's name inside the archive, as the engine is told
 * @param extra      entries added at the top of the archive (the generated Dockerfile), by name
 * @param ignore     what not to send
 */
public record BuildContext(Path directory, String dockerfile, Map<String, byte[]> extra, IgnorePatterns ignore) {
    private static final String IGNORE_FILE = ".dockerignore";

    public BuildContext {
        extra = Map.copyOf(extra);
    }

    /**
     * The context of a build: {@code context} a local directory, {@code dockerfile} relative to it (or absolute),
     * {@code inline} the Dockerfile's text when given so. Fails with the docker CLI's words when the directory or
     * the Dockerfile is missing.
     */
    public static BuildContext of(String context, String dockerfile, String inline) {
        Path dir = Path.of(context);
        if (!Files.isDirectory(dir)) {
            throw new ComposeException(Failure.GENERAL, "unable to prepare context: path \"" + context + "\" not found");
        }
        try {
            dir = dir.toRealPath();
        } catch (IOException e) {
            throw new ComposeException(Failure.GENERAL, "unable to prepare context: " + e.getMessage());
        }
        if (inline != null && !inline.isEmpty()) {
            String name = generatedName();
            return new BuildContext(dir, name, Map.of(name, inline.getBytes(StandardCharsets.UTF_8)),
                    ignoreFor(dir, null, name));
        }
        Path file = dockerfile == null || dockerfile.isEmpty() ? defaultDockerfile(dir) : dir.resolve(dockerfile);
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ComposeException(Failure.GENERAL, "unable to prepare context: unable to evaluate symlinks in "
                    + "Dockerfile path: lstat " + file + ": no such file or directory");
        } catch (IOException e) {
            throw new ComposeException(Failure.GENERAL, "unable to prepare context: " + e.getMessage());
        }
        if (real.startsWith(dir) && !real.equals(dir)) {
            String rel = dir.relativize(real).toString().replace('\\', '/');
            return new BuildContext(dir, rel, Map.of(), ignoreFor(dir, real, rel));
        }
        // Outside the context: sent beside it under a name of its own, as the docker CLI does.
        byte[] content;
        try {
            content = Files.readAllBytes(real);
        } catch (IOException e) {
            throw new ComposeException(Failure.GENERAL, "unable to open Dockerfile: " + e.getMessage());
        }
        String name = generatedName();
        return new BuildContext(dir, name, Map.of(name, content), ignoreFor(dir, real, name));
    }

    private static Path defaultDockerfile(Path dir) {
        Path upper = dir.resolve("Dockerfile");
        Path lower = dir.resolve("dockerfile");
        return !Files.exists(upper, LinkOption.NOFOLLOW_LINKS) && Files.exists(lower, LinkOption.NOFOLLOW_LINKS)
                ? lower : upper;
    }

    private static String generatedName() {
        byte[] random = new byte[10];
        new SecureRandom().nextBytes(random);
        return ".dockerfile." + HexFormat.of().formatHex(random);
    }

    /**
     * The ignore patterns: those of {@code <Dockerfile>.dockerignore} beside the Dockerfile when it exists
     * (BuildKit's rule, which wins), else the context's {@code .dockerignore}; the Dockerfile and the ignore
     * file are sent even when excluded.
     */
    private static IgnorePatterns ignoreFor(Path dir, Path dockerfile, String dockerfileName) {
        Path file = dir.resolve(IGNORE_FILE);
        if (dockerfile != null) {
            Path beside = dockerfile.resolveSibling(dockerfile.getFileName() + IGNORE_FILE);
            if (Files.isRegularFile(beside)) {
                file = beside;
            }
        }
        List<String> patterns = List.of();
        if (Files.isRegularFile(file)) {
            try {
                patterns = IgnorePatterns.read(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new ComposeException(Failure.GENERAL, "failed to read " + file + ": " + e.getMessage());
            }
        }
        IgnorePatterns ignore = IgnorePatterns.of(patterns);
        List<String> keep = new ArrayList<>();
        if (ignore.excludes(IGNORE_FILE)) {
            keep.add("!" + IGNORE_FILE);
        }
        if (ignore.excludes(dockerfileName)) {
            keep.add("!" + dockerfileName);
        }
        return keep.isEmpty() ? ignore : ignore.plus(keep);
    }

    /**
     * Writes the archive to {@code out} while walking the directory. An unreadable entry fails as the docker
     * CLI's context check does.
     */
    public void write(OutputStream out) throws IOException {
        TarWriter tar = new TarWriter(out);
        Instant now = Instant.now();
        for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(extra).entrySet()) {
            tar.add(new TarWriter.Entry(e.getKey(), e.getValue(), 0600, 0, 0, now));
        }
        walk(tar, directory, "", null);
        tar.close();
    }

    private void walk(TarWriter tar, Path dir, String prefix, IgnorePatterns.Match parent) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            list.forEach(children::add);
        } catch (AccessDeniedException e) {
            throw unreadable(dir);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path child : children) {
            String name = prefix + child.getFileName();
            PosixFileAttributes attrs;
            try {
                attrs = Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new ComposeException(Failure.GENERAL, "checking context: can't stat '" + child + "'");
            }
            IgnorePatterns.Match match = ignore.isEmpty() ? null : ignore.match(name, parent);
            boolean excluded = match != null && match.excluded();
            if (excluded && !(attrs.isDirectory() && ignore.mayReinclude(name))) {
                continue;
            }
            Instant mtime = attrs.lastModifiedTime().toInstant();
            long mode = mode(attrs);
            if (attrs.isSymbolicLink()) {
                tar.addSymlink(name, Files.readSymbolicLink(child).toString(), 0777, 0, 0, mtime);
            } else if (attrs.isDirectory()) {
                if (!excluded) {
                    tar.addDirectory(name, mode, 0, 0, mtime);
                }
                walk(tar, child, name + "/", match);
            } else if (attrs.isRegularFile()) {
                try (InputStream in = Files.newInputStream(child)) {
                    tar.addFile(name, attrs.size(), mode, 0, 0, mtime, in);
                } catch (AccessDeniedException e) {
                    throw unreadable(child);
                }
            }
            // Sockets, pipes and devices have no content to send.
        }
    }

    private static ComposeException unreadable(Path path) {
        return new ComposeException(Failure.GENERAL, "checking context: no permission to read from '" + path + "'");
    }

    private static long mode(PosixFileAttributes attrs) {
        long mode = 0;
        for (PosixFilePermission p : attrs.permissions()) {
            mode |= 1L << (8 - p.ordinal());
        }
        return mode;
    }

    /** Writes the archive, failures unchecked. */
    public void writeUnchecked(OutputStream out) {
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
