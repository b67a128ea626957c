package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

/** Two classes declaring the same SHARED stack get one stack: the second sees the first one's container. */
@RequiresDocker
@ComposeTest
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SharedLifecycleIT {
    private static final String YAML = """
            services:
              cache:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            """;

    private static volatile String firstContainer;

    @Nested
    @Order(1)
    @Compose(yaml = YAML, projectName = "shared", lifecycle = Lifecycle.SHARED)
    class First {
        @Test
        void bringsTheStackUp(@ComposeService("cache") ServiceHandle cache) {
            firstContainer = cache.container().id();

            assertThat(cache.project().name()).startsWith("shared-");
        }
    }

    @Nested
    @Order(2)
    @Compose(yaml = YAML, projectName = "shared", lifecycle = Lifecycle.SHARED)
    class Second {
        @Test
        void adoptsTheSameStack(@ComposeService("cache") ServiceHandle cache) {
            assertThat(cache.container().id()).isEqualTo(firstContainer);
            assertThat(cache.container().state()).isEqualTo("running");
        }
    }
}
