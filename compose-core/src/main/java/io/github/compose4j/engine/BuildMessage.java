package io.github.compose4j.engine;

/**
 * One message of a build's output: text the builder printed ({@code stream}), or the progress of something it
 * does (a base image pull: {@code id}, {@code status}, {@code progress}).
 */
public record BuildMessage(String stream, String id, String status, String progress) {
    public static BuildMessage text(String stream) {
        return new BuildMessage(stream, "", "", "");
    }
}
