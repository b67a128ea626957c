package io.github.compose4j.inspect;

/**
 * The image of one container of a project, as {@code images} lists it.
 *
 * @param repository the image's first tag without its tag, in familiar form ({@code busybox}); empty when untagged
 * @param size       bytes
 */
public record ImageRow(String id, String containerName, String repository, String tag, long size) {
}
