package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.api.ExecResult;
import io.github.compose4j.testing.RequiresDocker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The extension end to end: injection into fields and parameters, ports, exec, logs and container lifecycle. */
@RequiresDocker
@ComposeTest
@Compose(files = "src/test/resources/pair/compose.yaml",
        readyWhen = {@ReadyWhen(service = "web", port = 80, httpPath = "/index.html"),
                     @ReadyWhen(service = "worker", logLine = "worker ready")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionIT {
    @ComposeService("web")
    static ServiceHandle web;

    @ComposeService("worker")
    ServiceHandle worker;

    @Test
    @Order(1)
    void staticFieldReachesThePublishedPortWithoutAProxy() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(web.uri("http", 80, "/index.html")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.body()).isEqualTo("hello\n");
        assertThat(web.endpoint(80)).isEqualTo("localhost:" + web.port(80));
    }

    @Test
    @Order(2)
    void parameterHandleRunsCommandsAndReadsLogs(@ComposeService("worker") ServiceHandle w) {
        ExecResult r = w.exec("sh", "-c", "echo out; echo err >&2; exit 2");

        assertThat(r).isEqualTo(new ExecResult(2, "out\n", "err\n"));
        assertThat(w.logs()).contains("worker ready");
        assertThat(w.container().name()).isEqualTo(web.project().name() + "-worker-1");
    }

    @Test
    @Order(3)
    void stopAndStartActOnTheContainer() {
        worker.stop();
        String stopped = worker.container().state();
        worker.start();

        assertThat(stopped).isEqualTo("exited");
        assertThat(worker.container().state()).isEqualTo("running");
    }

    @Test
    @Order(4)
    void killLeavesTheContainerExited() {
        String id = worker.container().id();

        worker.kill();

        assertThat(worker.container().state()).isEqualTo("exited");
        assertThat(worker.container().id()).isEqualTo(id);
        worker.restart();
        assertThat(worker.container().state()).isEqualTo("running");
    }
}
