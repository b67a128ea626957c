package io.github.compose4j.execute;

/**
 * A tar archive to extract into a container's directory.
 *
 * @param copyUidGid whether the engine keeps the archive's owners (Compose asks for it when the
 *                   secret or config sets {@code uid} or {@code gid}); otherwise files belong to the
 *                   container's root
 */
public record FileCopy(String directory, byte[] tar, boolean copyUidGid) {
}
