package io.github.compose4j.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import io.github.compose4j.testing.RequiresDocker;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JDK transport under docker-java against the real daemon. Every container made here carries {@link #LABEL}. */
@RequiresDocker
@Timeout(120)
class DockerTransportIT {
    static final String LABEL = "io.github.compose4j.test";
    static final String IMAGE = "busybox:latest";

    private static DockerConnection connection;
    private static DockerClient docker;

    @BeforeAll
    static void connect() {
        connection = DockerClients.connect(RequiresDocker.Check.endpoint());
        docker = connection.client();
        removeTestContainers();
    }

    @AfterAll
    static void cleanUp() {
        if (connection != null) {
            removeTestContainers();
            connection.close();
        }
    }

    private static void removeTestContainers() {
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, "true")).exec()) {
            docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    private static CreateContainerCmd container(String... cmd) {
        return docker.createContainerCmd(IMAGE).withCmd(cmd).withLabels(Map.of(LABEL, "true"));
    }

    /** Collects frames as text; completion is awaited by the caller. */
    private static final class Collect extends ResultCallback.Adapter<Frame> {
        final StringBuilder stdout = new StringBuilder();
        final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();

        @Override
        public void onNext(Frame frame) {
            String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
            synchronized (stdout) {
                if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
                    stdout.append(text);
                }
            }
            chunks.add(text);
        }

        String stdout() {
            synchronized (stdout) {
                return stdout.toString();
            }
        }
    }

    @Test
    void pingAndVersionAgreeWithTheNegotiatedVersion() {
        docker.pingCmd().exec();
        String daemonApi = docker.versionCmd().exec().getApiVersion();
        assertThat(connection.ping().apiVersion()).contains(daemonApi);
        assertThat(connection.apiVersion()).isEqualTo(DockerClients.negotiate(connection.ping().apiVersion()));
    }

    @Test
    void listsALabelledContainer() {
        String id = container("true").exec().getId();
        List<Container> listed = docker.listContainersCmd().withShowAll(true)
            .withLabelFilter(Map.of(LABEL, "true")).exec();
        assertThat(listed).extracting(Container::getId).contains(id);
    }

    @Test
    void runsAContainerAndStreamsItsLogs() throws Exception {
        String id = container("sh", "-c", "for i in 1 2 3 4 5; do echo line $i; done").exec().getId();
        docker.startContainerCmd(id).exec();
        int status = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
            .awaitStatusCode(60, TimeUnit.SECONDS);
        assertThat(status).isZero();
        Collect logs = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
            .exec(new Collect());
        assertThat(logs.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
        assertThat(logs.stdout()).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\n");
    }

    @Test
    void followedLogsStayOpenUntilClosed() throws Exception {
        String id = container("sh", "-c", "echo started; sleep 60").exec().getId();
        docker.startContainerCmd(id).exec();
        Collect logs = docker.logContainerCmd(id).withStdOut(true).withFollowStream(true).exec(new Collect());
        assertThat(logs.chunks.poll(30, TimeUnit.SECONDS)).isEqualTo("started\n");
        assertThat(logs.awaitCompletion(300, TimeUnit.MILLISECONDS)).isFalse(); // still streaming
        logs.close();
        assertThat(logs.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
        assertThat(docker.inspectContainerCmd(id).exec().getState().getRunning()).isTrue(); // client still usable
    }

    @Test
    void execWithStdinIsHijackedAndEchoedBack() throws Exception {
        String id = container("sleep", "60").exec().getId();
        docker.startContainerCmd(id).exec();
        String exec = docker.execCreateCmd(id).withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
            .withCmd("cat").exec().getId();
        Collect out = docker.execStartCmd(exec)
            .withStdIn(new ByteArrayInputStream("hello\nfrom stdin\n".getBytes(StandardCharsets.UTF_8)))
            .exec(new Collect());
        // cat only ends because the transport half-closes the socket when stdin is exhausted
        assertThat(out.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.stdout()).isEqualTo("hello\nfrom stdin\n");
        assertThat(docker.inspectExecCmd(exec).exec().getExitCodeLong()).isZero();
    }

    @Test
    void attachWithStdinIsHijackedAndEchoedBack() throws Exception {
        String id = container("cat").withStdinOpen(true).withStdInOnce(true).withAttachStdin(true)
            .withAttachStdout(true).exec().getId();
        Collect out = docker.attachContainerCmd(id).withStdIn(new ByteArrayInputStream("ping\n".getBytes()))
            .withStdOut(true).withFollowStream(true).exec(new Collect());
        docker.startContainerCmd(id).exec();
        assertThat(out.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.stdout()).isEqualTo("ping\n");
        assertThat(docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
            .awaitStatusCode(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void eventsStreamDeliversAnEventAndCanBeClosed() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ResultCallback.Adapter<Event> callback = docker.eventsCmd()
            .withLabelFilter(Map.of(LABEL, "true"))
            .withEventFilter("create")
            .exec(new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Event event) {
                    events.add(event);
                }
            });
        callback.awaitStarted(10, TimeUnit.SECONDS);
        String id = container("true").exec().getId();
        Event event = events.poll(30, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.getId()).isEqualTo(id);
        assertThat(event.getAction()).isEqualTo("create");
        callback.close();
        assertThat(callback.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void parallelRequestsFromEightThreads() throws Exception {
        String id = container("true").exec().getId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int ok = 0;
                    for (int i = 0; i < 25; i++) {
                        if (docker.inspectContainerCmd(id).exec().getId().equals(id)) {
                            ok++;
                        }
                        if (!docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().isEmpty()) {
                            ok++;
                        }
                    }
                    return ok;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(8 * 25 * 2);
        } finally {
            pool.shutdownNow();
        }
    }
}
