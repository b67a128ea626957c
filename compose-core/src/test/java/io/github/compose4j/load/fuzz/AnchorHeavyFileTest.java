package io.github.compose4j.load.fuzz;

import io.github.compose4j.model.Project;
import io.github.compose4j.testing.Projects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 11: the limits against alias bombs (HostileInputTest) bound the expansion, not the number of aliases:
 * a real file with hundreds of anchor merges loads.
 */
class AnchorHeavyFileTest {
    @Test
    void aFileWithHundredsOfAnchorMergesLoads() {
        StringBuilder yaml = new StringBuilder("""
                x-logging: &logging
                  driver: json-file
                  options: {max-size: 10m, max-file: "3"}
                x-defaults: &defaults
                  image: busybox:latest
                  restart: unless-stopped
                  logging: *logging
                  environment: &env
                    TZ: UTC
                    LANG: C.UTF-8
                  labels: {team: core}
                services:
                """);
        for (int i = 0; i < 300; i++) {
            yaml.append("  s").append(i).append(":\n")
                    .append("    <<: *defaults\n")
                    .append("    environment:\n      <<: *env\n      INDEX: \"").append(i).append("\"\n");
        }

        Project p = Projects.load("anchors", yaml.toString());

        assertThat(p.services()).hasSize(300);
        assertThat(p.services().get("s299").image()).isEqualTo("busybox:latest");
        assertThat(p.services().get("s299").environment()).containsEntry("TZ", java.util.Optional.of("UTC"))
                .containsEntry("INDEX", java.util.Optional.of("299"));
    }
}
