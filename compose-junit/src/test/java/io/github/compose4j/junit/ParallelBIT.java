package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.testing.RequiresDocker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Runs beside {@link ParallelAIT} with the same compose file: the two stacks must not collide. */
@RequiresDocker
@ComposeTest
@Compose(files = "src/test/resources/pair/compose.yaml", projectName = "parallel")
class ParallelBIT {
    @ComposeService("web")
    ServiceHandle web;

    @Test
    void eachClassReachesItsOwnStackWhileTheOtherIsUp() throws Exception {
        web.exec("sh", "-c", "echo B > /www/who.txt");

        boolean together = Rendezvous.arriveAndAwaitOther();
        String who = HttpClient.newHttpClient().send(HttpRequest.newBuilder(web.uri("http", 80, "/who.txt")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(together).as("both stacks up at once").isTrue();
        assertThat(who).isEqualTo("B\n");
        assertThat(web.project().name()).startsWith("parallel-");
    }
}
