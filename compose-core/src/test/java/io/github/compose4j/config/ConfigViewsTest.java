package io.github.compose4j.config;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.compose4j.testing.TestProjects.project;
import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigViewsTest {
    private static final Project PROJECT = project("""
            services:
              web:
                image: nginx
                volumes: ['data:/d']
              api:
                build: .
                profiles: [back]
              worker:
                build: .
              debug:
                image: busybox
                profiles: [dev, back]
            volumes:
              zeta: {}
              data: {}
            """, "back");

    @Test
    void enabledServicesAreSorted() {
        assertThat(ConfigViews.services(PROJECT)).containsExactly("api", "debug", "web", "worker");
    }

    @Test
    void volumesAreSorted() {
        assertThat(ConfigViews.volumes(PROJECT)).containsExactly("data", "zeta");
    }

    @Test
    void profilesOfEnabledAndDisabledServicesAreSortedOnce() {
        assertThat(ConfigViews.profiles(PROJECT)).containsExactly("back", "dev");
    }

    @Test
    void imagesNameBuiltImagesAfterTheProject() {
        assertThat(ConfigViews.images(PROJECT)).containsExactlyInAnyOrder("nginx", "proj-api", "proj-worker", "busybox");
    }

    @Test
    void hashesOfSelectedServicesAreSortedByName() {
        List<String> lines = ConfigViews.hashes(PROJECT, "web,api");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("api [0-9a-f]{64}");
        assertThat(lines.get(1)).matches("web [0-9a-f]{64}");
    }

    @Test
    void starHashesEveryService() {
        assertThat(ConfigViews.hashes(PROJECT, "*")).extracting(l -> l.split(" ")[0]).containsExactly("api", "debug", "web", "worker");
    }

    @Test
    void hashOfAnUnknownServiceFails() {
        assertThatThrownBy(() -> ConfigViews.hashes(PROJECT, "nope")).isInstanceOf(ComposeException.class)
                .hasMessage("no such service: nope");
    }

    @Test
    void projectTextEscapesDollarSigns() {
        Project p = project("services:\n  web:\n    image: x\n    command: echo $HOME\n");
        assertThat(ConfigViews.project(p, "yaml")).contains("- $$HOME");
        assertThat(ConfigViews.project(p, "json")).contains("\"$$HOME\"");
    }

    @Test
    void modelIsPrintedAsLoadedWithSortedKeysAndNoEscaping() {
        assertThat(ConfigViews.model(yaml("services:\n  web:\n    image: ${IMG}\nname: p\n"), "yaml"))
                .isEqualTo("name: p\nservices:\n  web:\n    image: ${IMG}\n");
        assertThat(ConfigViews.model(yaml("b: 1\na: 2\n"), "json")).isEqualTo("{\n  \"a\": 2,\n  \"b\": 1\n}");
    }

    @Test
    void variablesListNameRequiredDefaultAndAlternate() {
        assertThat(ConfigViews.variables(yaml("services:\n  web:\n    image: ${IMAGE:-nginx}:${TAG?required}\n"
                + "    environment:\n      X: ${ALT:+set}\n")))
                .containsExactlyInAnyOrder(List.of("IMAGE", "false", "nginx", ""), List.of("TAG", "true", "", ""),
                        List.of("ALT", "false", "", "set"));
    }
}
