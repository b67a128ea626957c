package io.github.compose4j.engine;

/**
 * How a build ended: the image id, or the builder's error and its code (a failed {@code RUN}'s exit code,
 * 0 when the builder gave none).
 */
public record BuildResult(String imageId, String error, int errorCode) {
    public static BuildResult built(String imageId) {
        return new BuildResult(imageId, "", 0);
    }

    public static BuildResult failed(String error, int errorCode) {
        return new BuildResult("", error, errorCode);
    }

    public boolean failed() {
        return !error.isEmpty();
    }
}
