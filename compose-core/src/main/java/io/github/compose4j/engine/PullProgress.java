package io.github.compose4j.engine;

/**
 * One progress message of an image pull, as the engine streams it.
 *
 * @param layer   the layer id, empty for messages about the whole image
 * @param current bytes done so far, 0 when unknown
 * @param total   bytes in all, 0 when unknown
 */
public record PullProgress(String layer, String status, long current, long total) {
}
