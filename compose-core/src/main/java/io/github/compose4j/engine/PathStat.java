package io.github.compose4j.engine;

/**
 * What the engine says of a path in a container (its archive API's path stat).
 *
 * @param name       the base name
 * @param size       the size in bytes
 * @param mode       Go's {@code os.FileMode} bits ({@link #DIRECTORY}, {@link #SYMLINK}, permissions)
 * @param linkTarget the target when it is a symbolic link, else empty
 */
public record PathStat(String name, long size, long mode, String linkTarget) {
    public static final long DIRECTORY = 1L << 31;
    public static final long SYMLINK = 1L << 27;

    public boolean isDirectory() {
        return (mode & DIRECTORY) != 0;
    }

    public boolean isSymlink() {
        return (mode & SYMLINK) != 0;
    }
}
