package io.github.compose4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose {@link Compose @Compose} stacks compose4j brings up, waits for, injects as
 * {@link ComposeService @ComposeService} {@link ServiceHandle}s and removes afterwards.
 *
 * <pre>{@code
 * @ComposeTest
 * @Compose(files = "src/test/resources/compose.yaml")
 * class OrdersIT {
 *     @ComposeService("web") ServiceHandle web;
 *
 *     @Test
 *     void servesTheIndex() throws Exception {
 *         HttpResponse<String> r = HttpClient.newHttpClient().send(
 *                 HttpRequest.newBuilder(web.uri("http", 80, "/")).build(), BodyHandlers.ofString());
 *         assertThat(r.statusCode()).isEqualTo(200);
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ComposeExtension.class)
public @interface ComposeTest {
}
