package io.github.compose4j.engine.docker;

import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.nio.file.Path;

/**
 * Cold-start probe, not a test: connect (ping + negotiate), {@code version}, {@code list containers}, over the JDK
 * transport ({@code jdk}) or docker-java's zerodep one ({@code zerodep}). Time whole JVM runs of it, e.g.
 * {@code hyperfine 'java -cp CP io.github.compose4j.engine.docker.DockerStartupProbe jdk'}; the interesting number is
 * the wall time of a fresh JVM, which is what a compose4j command pays.
 */
public final class DockerStartupProbe {
    private DockerStartupProbe() {
    }

    public static void main(String[] args) {
        DockerEndpoint endpoint = DockerEndpoint.resolve(System.getenv(), Path.of(System.getProperty("user.home")));
        boolean zerodep = args.length > 0 && args[0].equals("zerodep");
        DockerConnection connection = zerodep
            ? DockerClients.connect(endpoint, new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create(endpoint.host().toString())).build())
            : DockerClients.connect(endpoint);
        try (connection) {
            String version = connection.client().versionCmd().exec().getVersion();
            int containers = connection.client().listContainersCmd().withShowAll(true).exec().size();
            if (args.length > 1) {
                System.out.println((zerodep ? "zerodep" : "jdk") + " api " + connection.apiVersion().getVersion()
                    + ", engine " + version + ", " + containers + " containers");
            }
        }
    }
}
