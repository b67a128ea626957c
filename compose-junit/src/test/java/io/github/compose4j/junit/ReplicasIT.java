package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

/** Handles per replica, a stack per test method, inline YAML. */
@RequiresDocker
@ComposeTest
@Compose(lifecycle = Lifecycle.PER_METHOD, yaml = """
        services:
          echo:
            image: busybox:latest
            command: ["sh", "-c", "echo replica $$HOSTNAME; exec sleep 3600"]
            stop_signal: SIGKILL
            scale: 2
        """)
class ReplicasIT {
    @Test
    void eachReplicaHasItsOwnHandle(@ComposeService(value = "echo", index = 2) ServiceHandle second,
                                    @ComposeService("echo") ServiceHandle first) {
        assertThat(first.replicas()).extracting(ServiceHandle::index).containsExactly(1, 2);
        assertThat(second.container().name()).endsWith("-echo-2");
        assertThat(second.exec("hostname").stdout().strip()).isEqualTo(second.container().id().substring(0, 12));
    }

    @Test
    void aStackPerMethodHasANameOfItsOwn(@ComposeService("echo") ServiceHandle echo) {
        assertThat(echo.project().name()).startsWith("replicasit-");
        assertThat(echo.replica(1).logs()).startsWith("replica ");
    }
}
