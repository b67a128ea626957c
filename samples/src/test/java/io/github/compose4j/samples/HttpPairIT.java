package io.github.compose4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.junit.Compose;
import io.github.compose4j.junit.ComposeService;
import io.github.compose4j.junit.ComposeTest;
import io.github.compose4j.junit.ReadyWhen;
import io.github.compose4j.junit.ServiceHandle;
import io.github.compose4j.testing.RequiresDocker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The README's example: a JUnit test reaching the two-service sample {@code http-pair} over HTTP. */
@RequiresDocker
@ComposeTest
@Compose(files = "http-pair/compose.yaml",
        readyWhen = @ReadyWhen(service = "catalog", port = 80, httpPath = "/items.json"))
class HttpPairIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ComposeService("web")
    ServiceHandle web;

    @Test
    void theSiteIsServedOnItsPublishedPort() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(web.uri("http", 80, "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Hello from compose4j</h1>");
    }

    @Test
    void theCatalogAnswersTheTestAndTheSiteByServiceName(@ComposeService("catalog") ServiceHandle catalog)
            throws Exception {
        String fromTest = HTTP.send(HttpRequest.newBuilder(catalog.uri("http", 80, "/items.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String fromWeb = web.exec("wget", "-q", "-O", "-", "http://catalog/items.json").stdout();

        assertThat(fromTest).contains("\"teapot\"");
        assertThat(fromWeb).isEqualTo(fromTest);
    }
}
