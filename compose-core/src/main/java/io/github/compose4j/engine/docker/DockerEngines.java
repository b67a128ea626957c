package io.github.compose4j.engine.docker;

import io.github.compose4j.engine.Engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the engine the docker CLI would talk to, from an environment the caller supplies ({@code DOCKER_HOST},
 * {@code DOCKER_CONTEXT}, {@code DOCKER_CONFIG}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, {@code HOME}).
 * The library never reads the process environment itself: a command line or a test harness passes
 * {@code System.getenv()}, a test may pass a map of its own.
 */
public final class DockerEngines {
    private DockerEngines() {
    }

    /**
     * Connects to the endpoint {@code env} names, resolved as the docker CLI resolves it (contexts under the
     * docker configuration directory of {@code HOME}). The caller closes the engine.
     */
    public static Engine fromEnvironment(Map<String, String> env) {
        String home = env.getOrDefault("HOME", "");
        return DockerEngine.connect(DockerEndpoint.resolve(env, Path.of(home.isEmpty() ? "/" : home)));
    }
}
