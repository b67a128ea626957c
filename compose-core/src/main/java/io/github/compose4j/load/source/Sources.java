package io.github.compose4j.load.source;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.canonical.GoPaths;
import io.github.compose4j.load.yaml.YamlParser;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reading compose files and resolving their locations, the way Compose resolves them. */
public final class Sources {
    /** Compose files larger than this are refused before being read. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private Sources() {
    }

    /** Reads a compose file; a missing file fails with Compose's "not found" exit code. */
    public static ConfigFile read(String absolutePath) {
        Path p = Path.of(absolutePath);
        if (!Files.exists(p)) {
            throw ComposeException.notFound("open " + absolutePath + ": no such file or directory");
        }
        if (Files.isDirectory(p)) {
            throw ComposeException.invalid("read " + absolutePath + ": is a directory");
        }
        return new ConfigFile(absolutePath, YamlParser.readLimited(p, MAX_FILE_BYTES));
    }

    public static boolean isAbsolute(String p) {
        return GoPaths.isAbs(p);
    }

    /** {@code p} made absolute against {@code base}. */
    public static String absolute(String base, String p) {
        if (GoPaths.isAbs(p)) {
            return GoPaths.clean(p);
        }
        return GoPaths.join(base, p);
    }

    public static String join(String a, String b) {
        return GoPaths.join(a, b);
    }

    public static String parent(String p) {
        return GoPaths.dir(p);
    }

    /**
     * The directory of {@code path} (itself if it is a directory) relative to {@code base}, as Compose
     * computes the working directory of an extended or included file.
     */
    public static String relativeDir(String base, String path) {
        String abs = absolute(base, path);
        String dir = Files.isDirectory(Path.of(abs)) ? abs : GoPaths.dir(abs);
        if (GoPaths.isAbs(base)) {
            return GoPaths.rel(base, dir);
        }
        // Both are relative to the same (project) directory: compare them lexically.
        return GoPaths.rel("/" + base, "/" + dir);
    }

    /** Whether a file exists (for optional files such as {@code .env}). */
    public static boolean isFile(String path) {
        return Files.isRegularFile(Path.of(path));
    }
}
