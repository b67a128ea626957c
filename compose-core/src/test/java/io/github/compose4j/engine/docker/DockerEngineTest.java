package io.github.compose4j.engine.docker;

import static io.github.compose4j.engine.docker.FakeDaemon.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.EngineException.Kind;
import io.github.compose4j.engine.PullProgress;
import io.github.compose4j.engine.TestSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link DockerEngine} against a scripted daemon: the requests it sends and how it reads replies and errors. */
@Timeout(30)
class DockerEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "a".repeat(64);

    @TempDir
    Path dir;

    /** Replies by {@code "METHOD /path"} (without version and query); anything else is a 404. */
    private final Map<String, String[]> replies = new ConcurrentHashMap<>();
    private volatile boolean gone;
    private FakeDaemon daemon;
    private DockerEngine engine;

    private DockerEngine engine(String apiVersion) throws Exception {
        daemon = new FakeDaemon(dir, (req, in, out) -> {
            if (req.path().equals("/_ping")) {
                write(out, "HTTP/1.1 200 OK\r\nApi-Version: " + apiVersion + "\r\nContent-Length: 2\r\n\r\nOK");
                return true;
            }
            if (gone) {
                return false; // hangs up without a reply
            }
            String path = req.path().replaceFirst("^/v[0-9.]+", "").replaceFirst("\\?.*", "");
            String[] reply = replies.getOrDefault(req.method() + " " + path,
                new String[] {"404 Not Found", "{\"message\":\"page not found\"}"});
            byte[] body = reply[1].getBytes(StandardCharsets.UTF_8);
            write(out, "HTTP/1.1 " + reply[0] + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n" + reply[1]);
            return true;
        });
        engine = DockerEngine.connect(daemon.endpoint());
        return engine;
    }

    @AfterEach
    void close() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    private void reply(String request, String status, String body) {
        replies.put(request, new String[] {status, body});
    }

    private List<FakeDaemon.Received> sent(String method, String pathPart) {
        return daemon.requests.stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart))
            .toList();
    }

    private static ContainerSpec twoNetworks() {
        return TestSpecs.container("p-web-1", "busybox", Map.of(), List.of(), "p_front",
            Map.of("p_front", TestSpecs.endpoint("web"), "p_back", TestSpecs.endpoint("web")));
    }

    @Test
    void createSendsTheNameAndPlatformAndReturnsTheId() throws Exception {
        engine("1.41");
        reply("POST /containers/create", "201 Created", "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
        ContainerSpec base = TestSpecs.container("p-web-1", "busybox", Map.of(), List.of());
        ContainerSpec spec = new ContainerSpec(base.name(), "linux/arm64", base.config(), base.host(), Map.of());

        assertThat(engine.createContainer(spec)).isEqualTo(ID);

        FakeDaemon.Received create = sent("POST", "/containers/create").get(0);
        assertThat(create.path()).isEqualTo("/v1.41/containers/create?name=p-web-1&platform=linux%2Farm64");
        assertThat(create.header("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(create.body())).isEqualTo(RequestBodies.container(spec, Map.of(),
            com.github.dockerjava.core.RemoteApiVersion.VERSION_1_41));
    }

    @Test
    void olderEnginesGetThePrimaryNetworkAtCreateAndTheOthersByConnect() throws Exception {
        engine("1.41");
        reply("POST /containers/create", "201 Created", "{\"Id\":\"" + ID + "\"}");
        reply("POST /networks/p_back/connect", "200 OK", "");

        engine.createContainer(twoNetworks());

        assertThat(JSON.readTree(sent("POST", "/containers/create").get(0).body())
            .path("NetworkingConfig").path("EndpointsConfig").fieldNames()).toIterable().containsExactly("p_front");
        FakeDaemon.Received connect = sent("POST", "/networks/p_back/connect").get(0);
        assertThat(JSON.readTree(connect.body()).path("Container").asText()).isEqualTo(ID);
    }

    @Test
    void api144EnginesGetEveryNetworkAtCreate() throws Exception {
        engine("1.44");
        reply("POST /containers/create", "201 Created", "{\"Id\":\"" + ID + "\"}");

        engine.createContainer(twoNetworks());

        assertThat(JSON.readTree(sent("POST", "/containers/create").get(0).body())
            .path("NetworkingConfig").path("EndpointsConfig").fieldNames()).toIterable()
            .containsExactlyInAnyOrder("p_front", "p_back");
        assertThat(sent("POST", "/connect")).isEmpty();
    }

    @Test
    void daemonErrorsKeepTheirMessageAndAreClassifiedByStatus() throws Exception {
        engine("1.41");
        reply("POST /containers/create", "409 Conflict", "{\"message\":\"Conflict. The container name \\\"/x\\\" "
            + "is already in use\"}");
        reply("POST /containers/x/start", "404 Not Found", "{\"message\":\"No such container: x\"}");
        reply("POST /containers/x/rename", "400 Bad Request", "{\"message\":\"bad name\"}");
        reply("POST /containers/x/kill", "500 Internal Server Error", "{\"message\":\"boom\"}");

        assertThatThrownBy(() -> engine.createContainer(TestSpecs.container("x", "busybox", Map.of(), List.of())))
            .isInstanceOfSatisfying(EngineException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                assertThat(e.getMessage()).isEqualTo(
                    "Error response from daemon: Conflict. The container name \"/x\" is already in use");
            });
        assertThatThrownBy(() -> engine.startContainer("x")).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("Error response from daemon: No such container: x");
        });
        assertThatThrownBy(() -> engine.renameContainer("x", "/"))
            .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
        assertThatThrownBy(() -> engine.killContainer("x", ""))
            .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OTHER));
    }

    @Test
    void aDaemonThatIsGoneIsUnavailable() throws Exception {
        engine("1.41");
        gone = true;
        daemon.close();
        java.nio.file.Files.delete(daemon.socket);

        assertThatThrownBy(() -> engine.listContainers(Map.of(), true))
            .isInstanceOfSatisfying(EngineException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e.getMessage()).startsWith("Cannot connect to the Docker daemon at unix://");
            });
    }

    @Test
    void stopWithoutATimeoutLeavesItToTheContainer() throws Exception {
        engine("1.41");
        reply("POST /containers/x/stop", "204 No Content", "");

        engine.stopContainer("x", OptionalInt.empty());
        engine.stopContainer("x", OptionalInt.of(3));

        assertThat(sent("POST", "/stop")).extracting(FakeDaemon.Received::path)
            .containsExactly("/v1.41/containers/x/stop", "/v1.41/containers/x/stop?t=3");
    }

    @Test
    void startingAStartedContainerIsNoError() throws Exception {
        engine("1.41");
        reply("POST /containers/x/start", "304 Not Modified", "");

        engine.startContainer("x");

        assertThat(sent("POST", "/start")).hasSize(1);
    }

    @Test
    void listsFilterByExactLabelValues() throws Exception {
        engine("1.41");
        reply("GET /containers/json", "200 OK", "[{\"Id\":\"" + ID + "\",\"Names\":[\"/other/db\",\"/p-db-1\"],"
            + "\"Image\":\"busybox\",\"Labels\":{\"a\":\"1\"},\"State\":\"running\",\"Status\":\"Up\","
            + "\"Created\":1700000000,\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,"
            + "\"Type\":\"tcp\"}],\"NetworkSettings\":{\"Networks\":{\"p_default\":{}}}}]");

        var listed = engine.listContainers(Map.of("b", "2", "a", "1"), false);

        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("p-db-1");
            assertThat(c.networks()).containsExactly("p_default");
            assertThat(c.ports()).containsExactly(new io.github.compose4j.engine.PortBinding("0.0.0.0", 8080, 80,
                "tcp"));
        });
        String query = java.net.URLDecoder.decode(sent("GET", "/containers/json").get(0).path(),
            StandardCharsets.UTF_8);
        assertThat(query).contains("\"label\":[\"a=1\",\"b=2\"]");
    }

    @Test
    void aNetworkFoundOnlyByIdPrefixIsAbsent() throws Exception {
        engine("1.41");
        reply("GET /networks/abc", "200 OK", "{\"Id\":\"abcdef" + "0".repeat(58) + "\",\"Name\":\"other\"}");
        reply("GET /networks/other", "200 OK", "{\"Id\":\"abcdef" + "0".repeat(58) + "\",\"Name\":\"other\"}");

        assertThat(engine.inspectNetwork("abc")).isEmpty();
        assertThat(engine.inspectNetwork("other")).map(n -> n.name()).contains("other");
    }

    @Test
    void anErrorInsideThePullStreamFailsThePull() throws Exception {
        engine("1.41");
        reply("POST /images/create", "200 OK", "{\"status\":\"Pulling from x\",\"id\":\"latest\"}\n"
            + "{\"errorDetail\":{\"message\":\"manifest unknown\"},\"error\":\"manifest unknown\"}\n");
        List<PullProgress> progress = new ArrayList<>();

        assertThatThrownBy(() -> engine.pullImage("127.0.0.1:5000/x", Optional.empty(), progress::add))
            .isInstanceOf(EngineException.class).hasMessage("manifest unknown");
        assertThat(progress).containsExactly(new PullProgress("latest", "Pulling from x", 0, 0));
        assertThat(sent("POST", "/images/create").get(0).path())
            .isEqualTo("/v1.41/images/create?fromImage=127.0.0.1%3A5000%2Fx&tag=latest");
    }

    @Test
    void aPullThatLeavesNoImageFails() throws Exception {
        engine("1.41");
        reply("POST /images/create", "200 OK", "{\"status\":\"Status: Image is up to date for x:latest\"}\n");

        assertThatThrownBy(() -> engine.pullImage("x", Optional.of("linux/amd64"), p -> { }))
            .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        assertThat(sent("POST", "/images/create").get(0).path()).contains("platform=linux%2Famd64");
    }

    @Test
    void removingAVolumeByForceSaysSo() throws Exception {
        engine("1.41");
        reply("DELETE /volumes/v", "204 No Content", "");

        engine.removeVolume("v", true);

        assertThat(sent("DELETE", "/volumes/v")).extracting(FakeDaemon.Received::path)
            .containsExactly("/v1.41/volumes/v?force=true");
    }

    @Test
    void removingAContainerSendsForceAndVolumesOnlyWhenAsked() throws Exception {
        engine("1.41");
        reply("DELETE /containers/x", "204 No Content", "");

        engine.removeContainer("x", false, false);
        engine.removeContainer("x", true, true);

        assertThat(sent("DELETE", "/containers/x")).extracting(FakeDaemon.Received::path)
            .containsExactly("/v1.41/containers/x", "/v1.41/containers/x?force=true&v=true");
    }

    @Test
    void killSendsTheSignalWhenGiven() throws Exception {
        engine("1.41");
        reply("POST /containers/x/kill", "204 No Content", "");

        engine.killContainer("x", "");
        engine.killContainer("x", "SIGKILL");

        assertThat(sent("POST", "/kill")).extracting(FakeDaemon.Received::path)
            .containsExactly("/v1.41/containers/x/kill", "/v1.41/containers/x/kill?signal=SIGKILL");
    }

    @Test
    void renameSendsTheNewName() throws Exception {
        engine("1.41");
        reply("POST /containers/x/rename", "204 No Content", "");

        engine.renameContainer("x", "p-web-1");

        assertThat(sent("POST", "/rename").get(0).path()).isEqualTo("/v1.41/containers/x/rename?name=p-web-1");
    }

    @Test
    void volumeCreateSendsNameDriverOptionsAndLabels() throws Exception {
        engine("1.41");
        reply("POST /volumes/create", "201 Created", "{\"Name\":\"p_data\"}");

        engine.createVolume(new io.github.compose4j.engine.VolumeSpec("p_data", "local", Map.of("o", "bind"),
            Map.of("b", "2", "a", "1")));

        assertThat(JSON.readTree(sent("POST", "/volumes/create").get(0).body())).isEqualTo(JSON.readTree(
            "{\"Name\":\"p_data\",\"Driver\":\"local\",\"DriverOpts\":{\"o\":\"bind\"},"
                + "\"Labels\":{\"a\":\"1\",\"b\":\"2\"}}"));
    }

    @Test
    void removingAMissingNetworkIsNotFound() throws Exception {
        engine("1.41");

        assertThatThrownBy(() -> engine.removeNetwork("n"))
            .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
            .hasMessage("Error response from daemon: page not found");
        assertThat(sent("DELETE", "/networks/n")).hasSize(1);
    }
}
