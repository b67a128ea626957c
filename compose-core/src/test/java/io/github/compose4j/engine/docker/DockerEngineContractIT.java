package io.github.compose4j.engine.docker;

import com.github.dockerjava.api.DockerClient;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineContract;
import io.github.compose4j.engine.TestTar;
import io.github.compose4j.testing.RequiresDocker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/** The contract against the real daemon; everything it makes carries the run's test label and is removed. */
@RequiresDocker
@Timeout(120)
class DockerEngineContractIT extends EngineContract {
    private DockerEngine engine;
    private DockerConnection connection;

    @Override
    protected Engine openEngine() {
        connection = DockerClients.connect(RequiresDocker.Check.endpoint());
        engine = new DockerEngine(connection);
        return engine;
    }

    /** {@code GET /containers/{id}/archive}: a tar of the one file. */
    @Override
    protected byte[] readFile(String containerId, String path) {
        DockerClient docker = connection.client();
        try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, path).exec()) {
            Map<String, byte[]> files = TestTar.read(tar.readAllBytes());
            String base = path.substring(path.lastIndexOf('/') + 1);
            return files.get(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed pull test must not leave the machine without the registry's tag other tests expect. */
    @AfterAll
    void restoreThePullableTag() {
        if (connection != null && engine.inspectImage(PULLABLE).isEmpty()) {
            connection.client().tagImageCmd(IMAGE, "127.0.0.1:5000/busybox", "latest").exec();
        }
    }
}
