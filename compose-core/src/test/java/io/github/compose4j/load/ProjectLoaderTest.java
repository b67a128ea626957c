package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.Warnings;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.compose4j.load.Requests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What commands load, checked against {@code docker compose config [SERVICE...]} on the same project. */
class ProjectLoaderTest {
    private static final String PROJECT = """
            services:
              web:
                image: x
                depends_on: [db]
                networks: [front]
              db:
                image: x
                volumes: ['data:/data']
                depends_on:
                  cache:
                    condition: service_started
                    required: false
              other:
                image: x
                volumes: ['odata:/o']
              cache:
                image: x
                profiles: [extra]
              debug:
                image: x
                profiles: [dev]
                depends_on: [web]
            volumes:
              data: {}
              odata: {}
              unused: {}
            networks:
              front: {}
              unusednet: {}
            """;

    @TempDir
    Path dir;

    private Project load(String... services) {
        write(dir, "compose.yaml", PROJECT);
        return new ProjectLoader(new Requests(dir).build(), Warnings.IGNORE).load(LoadOptions.DEFAULT, List.of(services));
    }

    @Test
    void everyEnabledServiceIsLoadedWithoutArguments() {
        assertThat(load().services()).containsOnlyKeys("web", "db", "other");
    }

    @Test
    void namedServiceIsKeptWithItsDependencies() {
        assertThat(load("web").services()).containsOnlyKeys("web", "db");
    }

    @Test
    void namingAProfiledServiceEnablesIt() {
        assertThat(load("debug").services()).containsOnlyKeys("debug", "web", "db");
    }

    @Test
    void unknownServiceFails() {
        assertThatThrownBy(() -> load("nope"))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.GENERAL))
                .hasMessage("no such service: nope");
    }

    @Test
    void unusedResourcesAreDroppedBeforeTheSelection() {
        Project p = load("web");
        assertThat(p.volumes()).containsOnlyKeys("data", "odata");
        assertThat(p.networks()).containsOnlyKeys("default", "front");
    }

    @Test
    void optionalDependencyOnADisabledServiceIsRemovedFromTheSelection() {
        assertThat(load("web").services().get("db").dependsOn()).isEmpty();
    }

    @Test
    void activeProfileBringsItsServicesIntoTheSelection() {
        write(dir, "compose.yaml", PROJECT);
        Project p = new ProjectLoader(new Requests(dir).profile("extra").build(), Warnings.IGNORE)
                .load(LoadOptions.DEFAULT, List.of("db"));
        assertThat(p.services()).containsOnlyKeys("db", "cache");
        assertThat(p.services().get("db").dependsOn()).containsOnlyKeys("cache");
    }

    @Test
    void environmentIncludesTheProjectDotEnv() {
        write(dir, "compose.yaml", PROJECT);
        write(dir, ".env", "A=1\n");
        assertThat(new ProjectLoader(new Requests(dir).build(), Warnings.IGNORE).environment()).containsEntry("A", "1");
    }
}
