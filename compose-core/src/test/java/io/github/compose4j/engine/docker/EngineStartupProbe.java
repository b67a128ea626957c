package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;

/**
 * Cold-start probe, not a test: what a no-op {@code up} asks the daemon (containers, networks and volumes of a
 * project, by label) through {@link DockerEngine}. Time whole JVM runs of it, e.g.
 * {@code hyperfine 'java -cp CP io.github.compose4j.engine.docker.EngineStartupProbe PROJECT'}. A second argument
 * prints the phases; {@code warm} as the third first loads Jackson the way the loader's schema stage does, to show
 * what the engine adds to a process that has read a compose file.
 */
public final class EngineStartupProbe {
    private EngineStartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 2 && args[2].equals("warm")) {
            new ObjectMapper().readTree("{\"services\":{}}");
        }
        Map<String, String> project = Map.of("com.docker.compose.project", args.length > 0 ? args[0] : "probe");
        long start = System.nanoTime();
        try (DockerEngine engine = DockerEngine.connect(
            DockerEndpoint.resolve(System.getenv(), Path.of(System.getProperty("user.home"))))) {
            long connected = System.nanoTime();
            int containers = engine.listContainers(project, true).size();
            long listed = System.nanoTime();
            int networks = engine.listNetworks(project).size();
            int volumes = engine.listVolumes(project).size();
            long done = System.nanoTime();
            if (args.length > 1) {
                System.out.printf("connect %d ms, containers %d ms, networks+volumes %d ms (%d/%d/%d)%n",
                    (connected - start) / 1_000_000, (listed - connected) / 1_000_000, (done - listed) / 1_000_000,
                    containers, networks, volumes);
            }
        }
    }
}
