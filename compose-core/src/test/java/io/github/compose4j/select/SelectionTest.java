package io.github.compose4j.select;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.compose4j.testing.TestProjects.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionTest {
    private static final String PROFILED = "services:\n  web:\n    image: x\n  debug:\n    image: x\n    profiles: [dev]\n"
            + "  test:\n    image: x\n    profiles: [ci, dev]\n";

    @Test
    void servicesWithoutProfilesAreAlwaysEnabled() {
        Project p = project(PROFILED);
        assertThat(p.services()).containsOnlyKeys("web");
        assertThat(p.disabledServices()).containsOnlyKeys("debug", "test");
    }

    @Test
    void anActiveProfileEnablesItsServices() {
        assertThat(project(PROFILED, "ci").services()).containsOnlyKeys("web", "test");
    }

    @Test
    void starEnablesEveryProfile() {
        assertThat(project(PROFILED, "*").services()).containsOnlyKeys("web", "debug", "test");
    }

    @Test
    void activeProfilesAreRecorded() {
        assertThat(project(PROFILED, "ci").profiles()).containsExactly("ci");
    }

    @Test
    void namingADisabledServiceEnablesItsProfiles() {
        Project p = Selection.withServicesEnabled(project(PROFILED), List.of("debug"));
        assertThat(p.services()).containsOnlyKeys("web", "debug", "test");
        assertThat(p.profiles()).containsExactly("dev");
    }

    @Test
    void namingAnEnabledServiceChangesNothing() {
        Project p = project(PROFILED);
        assertThat(Selection.withServicesEnabled(p, List.of("web")).services()).containsOnlyKeys("web");
    }

    @Test
    void unusedResourcesAreDropped() {
        Project p = Selection.withoutUnnecessaryResources(project("services:\n  web:\n    image: x\n    networks: [front]\n"
                + "    volumes: ['data:/d', './bind:/b']\n    secrets: [s]\n    configs: [c]\n"
                + "volumes:\n  data: {}\n  unused: {}\nnetworks:\n  front: {}\n  back: {}\n"
                + "secrets:\n  s: {file: ./s}\n  t: {file: ./t}\nconfigs:\n  c: {file: ./c}\n  d: {file: ./d}\n"));
        assertThat(p.volumes()).containsOnlyKeys("data");
        assertThat(p.networks()).containsOnlyKeys("front");
        assertThat(p.secrets()).containsOnlyKeys("s");
        assertThat(p.configs()).containsOnlyKeys("c");
    }

    @Test
    void buildSecretsKeepTheirSecret() {
        Project p = Selection.withoutUnnecessaryResources(project("services:\n  web:\n    build:\n      context: .\n"
                + "      secrets: [s]\nsecrets:\n  s: {file: ./s}\n"));
        assertThat(p.secrets()).containsOnlyKeys("s");
    }

    @Test
    void resourcesOfDisabledServicesAreDropped() {
        Project p = Selection.withoutUnnecessaryResources(project("services:\n  debug:\n    image: x\n    profiles: [dev]\n"
                + "    volumes: ['data:/d']\nvolumes:\n  data: {}\n"));
        assertThat(p.volumes()).isEmpty();
    }

    @Test
    void selectionKeepsTransitiveDependencies() {
        Project p = Selection.withSelectedServices(project("services:\n  web:\n    image: x\n    depends_on: [api]\n"
                + "  api:\n    image: x\n    depends_on: [db]\n  db:\n    image: x\n  other:\n    image: x\n"), List.of("web"));
        assertThat(p.services()).containsOnlyKeys("web", "api", "db");
        assertThat(p.disabledServices()).containsOnlyKeys("other");
    }

    @Test
    void noSelectionKeepsEverything() {
        Project p = project("services:\n  a:\n    image: x\n  b:\n    image: x\n");
        assertThat(Selection.withSelectedServices(p, List.of())).isSameAs(p);
    }

    @Test
    void dependencyOnAnUnselectedOptionalServiceIsRemoved() {
        Project p = Selection.withSelectedServices(project("services:\n  db:\n    image: x\n    depends_on:\n      cache:\n"
                + "        condition: service_started\n        required: false\n  cache:\n    image: x\n    profiles: [extra]\n"),
                List.of("db"));
        assertThat(p.services().get("db").dependsOn()).isEmpty();
    }

    @Test
    void unknownSelectedServiceFails() {
        assertThatThrownBy(() -> Selection.withSelectedServices(project("services:\n  a:\n    image: x\n"), List.of("nope")))
                .isInstanceOf(ComposeException.class).hasMessage("no such service: nope");
    }

    @Test
    void requiredDependencyOnAMissingServiceFails() {
        assertThatThrownBy(() -> Selection.closure(project("services:\n  a:\n    image: x\n    depends_on: [gone]\n"), List.of("a")))
                .hasMessage("no such service: gone");
    }
}
