package io.github.compose4j.engine.docker;

import static io.github.compose4j.engine.docker.FakeDaemon.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import io.github.compose4j.error.ComposeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class JdkDockerHttpClientTest {
    @TempDir
    Path dir;

    private static Request get(String path) {
        return Request.builder().method(Request.Method.GET).path(path).build();
    }

    private static String body(Response response) throws IOException {
        try (response) {
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean ok(OutputStream out, String body) throws IOException {
        write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        return true;
    }

    @Test
    void sendsRequestLineHostAndUserAgentAndReadsContentLengthBody() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (req, in, out) -> ok(out, "{\"a\":1}\n"));
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            Response response = client.execute(get("/v1.41/version"));
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(body(response)).isEqualTo("{\"a\":1}\n");
            FakeDaemon.Received received = daemon.requests.get(0);
            assertThat(received.method()).isEqualTo("GET");
            assertThat(received.path()).isEqualTo("/v1.41/version");
            assertThat(received.header("Host")).isEqualTo("docker");
            assertThat(received.header("User-Agent")).isEqualTo("compose4j");
            assertThat(received.header("Content-Length")).isNull();
        }
    }

    @Test
    void reusesKeepAliveConnectionAfterBodyIsRead() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (req, in, out) -> ok(out, "x"));
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            for (int i = 0; i < 5; i++) {
                assertThat(body(client.execute(get("/_ping")))).isEqualTo("x");
            }
            assertThat(daemon.connections.get()).isEqualTo(1);
            assertThat(client.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void reusesConnectionWhenReaderStoppedBeforeBufferedTail() throws Exception {
        // JSON readers stop after the closing brace; the daemon's trailing newline is already buffered.
        try (FakeDaemon daemon = new FakeDaemon(dir, (req, in, out) -> ok(out, "{}\n"));
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            for (int i = 0; i < 3; i++) {
                Response response = client.execute(get("/x"));
                assertThat(response.getBody().read()).isEqualTo('{');
                response.close();
            }
            assertThat(daemon.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void readsChunkedBodyAndReusesConnection() throws Exception {
        FakeDaemon.Handler handler = (req, in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n"
                + "X-Trailer: t\r\n\r\n");
            return true;
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            assertThat(body(client.execute(get("/a")))).isEqualTo("hello, world");
            assertThat(body(client.execute(get("/b")))).isEqualTo("hello, world");
            assertThat(daemon.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void skipsInterimResponses() throws Exception {
        FakeDaemon.Handler handler = (req, in, out) -> {
            write(out, "HTTP/1.1 100 Continue\r\n\r\n");
            return ok(out, "done");
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            assertThat(body(client.execute(get("/a")))).isEqualTo("done");
        }
    }

    @Test
    void bodyWithoutLengthRunsToCloseAndIsNotReused() throws Exception {
        FakeDaemon.Handler handler = (req, in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\nraw bytes");
            return false;
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            assertThat(body(client.execute(get("/a")))).isEqualTo("raw bytes");
            assertThat(body(client.execute(get("/b")))).isEqualTo("raw bytes");
            assertThat(daemon.connections.get()).isEqualTo(2);
            assertThat(client.idleConnections()).isZero();
        }
    }

    @Test
    void connectionCloseHeaderPreventsReuse() throws Exception {
        FakeDaemon.Handler handler = (req, in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nz");
            return false;
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            assertThat(body(client.execute(get("/a")))).isEqualTo("z");
            assertThat(client.idleConnections()).isZero();
        }
    }

    @Test
    void noContentResponsesHaveEmptyBody() throws Exception {
        FakeDaemon.Handler handler = (req, in, out) -> {
            write(out, "HTTP/1.1 204 No Content\r\n\r\n");
            return true;
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            Response response = client.execute(Request.builder().method(Request.Method.POST)
                .path("/containers/x/start").build());
            assertThat(response.getStatusCode()).isEqualTo(204);
            assertThat(body(response)).isEmpty();
            assertThat(daemon.requests.get(0).header("Content-Length")).isEqualTo("0");
            assertThat(client.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void sendsFixedBodyWithContentLengthAndStreamBodyChunked() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (req, in, out) -> ok(out, ""));
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            body(client.execute(Request.builder().method(Request.Method.POST).path("/fixed")
                .putHeader("Content-Type", "application/json").bodyBytes("{\"x\":true}".getBytes()).build()));
            byte[] big = new byte[100_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) ('a' + i % 26);
            }
            body(client.execute(Request.builder().method(Request.Method.PUT).path("/stream")
                .body(new ByteArrayInputStream(big)).build()));
            FakeDaemon.Received fixed = daemon.requests.get(0);
            assertThat(fixed.header("Content-Length")).isEqualTo("10");
            assertThat(new String(fixed.body())).isEqualTo("{\"x\":true}");
            assertThat(fixed.header("Content-Type")).isEqualTo("application/json");
            FakeDaemon.Received streamed = daemon.requests.get(1);
            assertThat(streamed.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(streamed.body()).isEqualTo(big);
            assertThat(daemon.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void closingMidStreamFreesTheSocketInsteadOfPoolingIt() throws Exception {
        CountDownLatch clientClosed = new CountDownLatch(1);
        CountDownLatch serverSawClose = new CountDownLatch(1);
        FakeDaemon.Handler handler = (req, in, out) -> {
            if (req.path().equals("/events")) {
                write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nevent1\r\n");
                try {
                    clientClosed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (in.read() < 0) {
                    serverSawClose.countDown();
                }
                return false;
            }
            return ok(out, "fresh");
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            Response events = client.execute(get("/events"));
            byte[] first = events.getBody().readNBytes(6);
            assertThat(new String(first)).isEqualTo("event1");
            events.close();
            clientClosed.countDown();
            assertThat(serverSawClose.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(client.idleConnections()).isZero();
            assertThat(body(client.execute(get("/next")))).isEqualTo("fresh");
            assertThat(daemon.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void closeFromAnotherThreadUnblocksAStreamingReader() throws Exception {
        FakeDaemon.Handler handler = (req, in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            in.read(); // waits until the client goes away
            return false;
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            Response response = client.execute(get("/logs?follow=1"));
            CountDownLatch readerDone = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try {
                    response.getBody().read();
                } catch (IOException expected) {
                    // closed under us
                } finally {
                    readerDone.countDown();
                }
            });
            reader.start();
            Thread.sleep(100);
            response.close();
            assertThat(readerDone.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(client.idleConnections()).isZero();
        }
    }

    @Test
    void retriesOnceWhenThePooledConnectionWasDroppedByTheDaemon() throws Exception {
        // The daemon answers one request per connection but does not say "Connection: close".
        FakeDaemon.Handler handler = (req, in, out) -> {
            ok(out, "r" + req.connection());
            return false;
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            assertThat(body(client.execute(get("/a")))).isEqualTo("r1");
            assertThat(body(client.execute(get("/b")))).isEqualTo("r2");
            assertThat(body(client.execute(get("/c")))).isEqualTo("r3");
        }
    }

    @Test
    void hijackSendsUpgradePumpsStdinAndHalfClosesAtItsEnd() throws Exception {
        FakeDaemon.Handler handler = (req, in, out) -> {
            write(out, "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
            byte[] buf = new byte[1024];
            int n;
            while ((n = in.read(buf)) > 0) { // echo until the client half-closes
                out.write(buf, 0, n);
                out.flush();
            }
            write(out, "[eof]");
            return false;
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            InputStream stdin = new ByteArrayInputStream("line one\nline two\n".getBytes());
            Response response = client.execute(Request.builder().method(Request.Method.POST)
                .path("/exec/abc/start").putHeader("content-type", "application/json")
                .bodyBytes("{\"Detach\":false,\"Tty\":false}".getBytes()).hijackedInput(stdin).build());
            assertThat(response.getStatusCode()).isEqualTo(200); // 101 reads as success for docker-java
            assertThat(body(response)).isEqualTo("line one\nline two\n[eof]");
            FakeDaemon.Received received = daemon.requests.get(0);
            assertThat(received.header("Connection")).isEqualTo("Upgrade");
            assertThat(received.header("Upgrade")).isEqualTo("tcp");
            assertThat(new String(received.body())).contains("Detach");
        }
    }

    @Test
    void parallelRequestsEachGetAConnection() throws Exception {
        CountDownLatch allArrived = new CountDownLatch(4);
        FakeDaemon.Handler handler = (req, in, out) -> {
            allArrived.countDown();
            try {
                allArrived.await(5, TimeUnit.SECONDS); // proves the four requests are in flight together
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok(out, req.path());
        };
        try (FakeDaemon daemon = new FakeDaemon(dir, handler);
             JdkDockerHttpClient client = JdkDockerHttpClient.create(daemon.endpoint())) {
            Thread[] threads = new Thread[4];
            String[] results = new String[4];
            for (int i = 0; i < 4; i++) {
                int k = i;
                threads[i] = new Thread(() -> {
                    try {
                        results[k] = body(client.execute(get("/p" + k)));
                    } catch (IOException e) {
                        results[k] = e.toString();
                    }
                });
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(results).containsExactly("/p0", "/p1", "/p2", "/p3");
            assertThat(daemon.connections.get()).isEqualTo(4);
            assertThat(client.idleConnections()).isEqualTo(4);
        }
    }

    @Test
    void tcpEndpointPrefixesBasePathAndSendsHostPort() throws Exception {
        DockerEndpoint endpoint = DockerEndpoint.of("tcp://127.0.0.1:1/prefix", dir);
        try (JdkDockerHttpClient client = JdkDockerHttpClient.create(endpoint)) {
            assertThat(client.host().basePath()).isEqualTo("/prefix");
            assertThatThrownBy(() -> client.execute(get("/_ping")))
                .isInstanceOf(ComposeException.class)
                .hasMessage("Cannot connect to the Docker daemon at tcp://127.0.0.1:1/prefix. "
                    + "Is the docker daemon running?");
        }
    }

    @Test
    void missingSocketGivesTheCliMessage() {
        DockerEndpoint endpoint = DockerEndpoint.of("unix://" + dir.resolve("nothing.sock"), dir);
        try (JdkDockerHttpClient client = JdkDockerHttpClient.create(endpoint)) {
            assertThatThrownBy(() -> client.execute(get("/_ping")))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                .hasMessage("Cannot connect to the Docker daemon at unix://" + dir.resolve("nothing.sock")
                    + ". Is the docker daemon running?");
        }
    }
}
