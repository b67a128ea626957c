package io.github.compose4j.execute;

import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.compose4j.execute.TestProjects.VERSION;
import static io.github.compose4j.execute.TestProjects.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ComposeLabelsTest {
    private static final String IMAGE_ID = "sha256:b4d2aa059b688878ef56951f6d8735e19e53f1f10f591cfb525bf9e37f518bf5";

    @TempDir
    Path dir;

    private Project project() {
        return load(dir, "csx1", """
                services:
                  web:
                    image: busybox
                    labels:
                      my.label: v
                      com.docker.compose.project: overridden
                    depends_on:
                      db:
                        condition: service_started
                  db:
                    image: busybox
                    volumes_from: [other]
                    depends_on:
                      other:
                        condition: service_healthy
                        restart: true
                  other:
                    image: busybox
                """);
    }

    @Test
    void containerLabelsAreServiceLabelsThenComposeOnes() {
        Project p = project();
        var web = p.services().get("web");
        Map<String, String> labels = ComposeLabels.container(web,
                ComposeLabels.service(p, "web", VERSION, List.of(), false), Optional.of(IMAGE_ID), Optional.empty(),
                "8be8b2043e493cd2576b4149fdde48fd2d727b6dd250afe09d2fbe918d5e4e1f", 1);
        assertThat(labels).containsOnly(
                entry("com.docker.compose.config-hash",
                        "8be8b2043e493cd2576b4149fdde48fd2d727b6dd250afe09d2fbe918d5e4e1f"),
                entry("com.docker.compose.container-number", "1"),
                entry("com.docker.compose.depends_on", "db:service_started:false"),
                entry("com.docker.compose.image", IMAGE_ID),
                entry("com.docker.compose.oneoff", "False"),
                entry("com.docker.compose.project", "csx1"),
                entry("com.docker.compose.project.config_files", dir.resolve("compose.yaml").toString()),
                entry("com.docker.compose.project.working_dir", dir.toString()),
                entry("com.docker.compose.service", "web"),
                entry("com.docker.compose.version", "2.26.1"),
                entry("my.label", "v"));
    }

    @Test
    void dependenciesIncludeImplicitOnesWithTheirRestartFlag() {
        Project p = project();
        // volumes_from adds a dependency of its own; the explicit one keeps its condition and restart flag.
        assertThat(ComposeLabels.dependsOn(p.services().get("db"))).isEqualTo("other:service_healthy:true");
    }

    @Test
    void noDependenciesGiveAnEmptyLabel() {
        Project p = project();
        var other = p.services().get("other");
        Map<String, String> labels = ComposeLabels.container(other, Map.of(), Optional.empty(), Optional.empty(),
                "h", 2);
        assertThat(labels).contains(entry("com.docker.compose.depends_on", ""),
                entry("com.docker.compose.container-number", "2"));
        assertThat(labels).doesNotContainKeys("com.docker.compose.image", "com.docker.compose.replace");
    }

    @Test
    void severalDependenciesAreCommaSeparatedByName() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    depends_on: [zeta, alpha]
                  zeta:
                    image: busybox
                  alpha:
                    image: busybox
                """);
        assertThat(ComposeLabels.dependsOn(p.services().get("web")))
                .isEqualTo("alpha:service_started:false,zeta:service_started:false");
    }

    @Test
    void replacementCarriesTheReplacedId() {
        Project p = project();
        Map<String, String> labels = ComposeLabels.container(p.services().get("other"), Map.of(), Optional.empty(),
                Optional.of("d0638ea1a06e"), "h", 1);
        assertThat(labels).contains(entry("com.docker.compose.replace", "d0638ea1a06e"));
    }

    @Test
    void envFilesAndOneoffAreRecorded() {
        Project p = project();
        Map<String, String> labels = ComposeLabels.service(p, "web", VERSION, List.of("/a/.env", "/b/.env"), true);
        assertThat(labels).contains(entry("com.docker.compose.project.environment_file", "/a/.env,/b/.env"),
                entry("com.docker.compose.oneoff", "True"));
    }

    @Test
    void networkAndVolumeLabelsOverrideUserOnes() {
        Project p = project();
        assertThat(ComposeLabels.network(p, "front", Map.of("nl", "v", "com.docker.compose.network", "x"), VERSION))
                .containsOnly(entry("com.docker.compose.network", "front"),
                        entry("com.docker.compose.project", "csx1"),
                        entry("com.docker.compose.version", "2.26.1"), entry("nl", "v"));
        assertThat(ComposeLabels.volume(p, "data", Map.of(), VERSION))
                .containsOnly(entry("com.docker.compose.volume", "data"),
                        entry("com.docker.compose.project", "csx1"),
                        entry("com.docker.compose.version", "2.26.1"));
    }
}
