package io.github.compose4j.oneoff;

/**
 * What {@code attach} was asked.
 *
 * @param index      the replica number ({@code --index}); 0 for the service's first running container
 * @param noStdin    leave the caller's input out, even for a container that keeps its stdin open
 * @param sigProxy   forward the signals the caller receives to a container without a TTY
 * @param detachKeys the key sequence that leaves the container running ({@code ctrl-p,ctrl-q} when empty)
 */
public record AttachRequest(String service, int index, boolean noStdin, boolean sigProxy, String detachKeys) {
}
