package io.github.compose4j.testing;

import io.github.compose4j.engine.docker.DaemonPing;
import io.github.compose4j.engine.docker.DockerClients;
import io.github.compose4j.engine.docker.DockerEndpoint;
import io.github.compose4j.engine.docker.JdkDockerHttpClient;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs a running Docker daemon (found like the docker CLI finds it). When none answers,
 * the class is skipped with a message saying why, except when the environment variable {@code CI} is set: then it
 * fails, so a CI machine without Docker cannot pass by skipping everything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Check.class)
public @interface RequiresDocker {

    /** Pings once per test JVM; the outcome is remembered. */
    final class Check implements ExecutionCondition {
        private static volatile String unavailable;
        private static volatile boolean checked;

        /** The daemon endpoint of this test process's environment. */
        public static DockerEndpoint endpoint() {
            return DockerEndpoint.resolve(System.getenv(), Path.of(System.getProperty("user.home")));
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String why = reason();
            if (why == null) {
                return ConditionEvaluationResult.enabled("a Docker daemon answers");
            }
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty()) {
                throw new AssertionError("Docker daemon required (CI=" + ci + ") but unavailable: " + why);
            }
            return ConditionEvaluationResult.disabled("no Docker daemon: " + why + " (with CI set this fails)");
        }

        private static synchronized String reason() {
            if (!checked) {
                checked = true;
                try {
                    DockerEndpoint endpoint = endpoint();
                    try (JdkDockerHttpClient http = JdkDockerHttpClient.create(endpoint)) {
                        DaemonPing ping = DockerClients.ping(endpoint, http);
                        if (ping.apiVersion().isEmpty()) {
                            unavailable = endpoint.host() + " answered /_ping without an API version";
                        }
                    }
                } catch (RuntimeException e) {
                    unavailable = e.getMessage();
                }
            }
            return unavailable;
        }
    }
}
