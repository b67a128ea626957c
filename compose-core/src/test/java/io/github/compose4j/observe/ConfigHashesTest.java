package io.github.compose4j.observe;

import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;
import io.github.compose4j.testing.Projects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigHashesTest {
    private final Project project = Projects.load("app", """
            services:
              web:
                image: busybox:latest
                command: ["httpd", "-f"]
              db:
                image: busybox:latest
                environment: {A: "1"}
            """);

    @Test
    void hashesComputedAheadAreTheServicesConfigHashes() {
        ConfigHashes ahead = ConfigHashes.ahead(project);
        for (Service s : project.services().values()) {
            assertThat(ahead.of(s)).isEqualTo(ConfigHash.of(s));
        }
    }

    @Test
    void anotherServiceObjectIsHashedForItself() {
        ConfigHashes hashes = ConfigHashes.lazy();
        Service web = project.services().get("web");
        String before = hashes.of(web);
        Service changed = RecordShape.with(web, "networkMode", "container:abc");
        assertThat(hashes.of(changed)).isEqualTo(ConfigHash.of(changed)).isNotEqualTo(before);
        assertThat(hashes.of(web)).isEqualTo(before);
    }
}
