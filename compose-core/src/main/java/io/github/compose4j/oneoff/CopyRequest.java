package io.github.compose4j.oneoff;

/**
 * What {@code cp} was asked.
 *
 * @param source      {@code SERVICE:PATH}, a local path, or {@code -} (a tar stream on stdin)
 * @param destination {@code SERVICE:PATH}, a local path, or {@code -} (a tar stream on stdout)
 * @param index       the replica ({@code --index}); 0 for every replica (to a service) or the first (from one)
 * @param all         {@code --all} (deprecated: every replica is the default)
 * @param followLink  {@code -L}: a symbolic link given as the source is copied as what it points to
 * @param copyUidGid  {@code -a}: the files keep their owners
 */
public record CopyRequest(String source, String destination, int index, boolean all, boolean followLink,
                          boolean copyUidGid) {
}
