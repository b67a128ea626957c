package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.compose4j.testing.TestTrees.at;
import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class NormalizerTest {
    private static MapNode normalize(String text, Map<String, String> env) {
        return Normalizer.normalize(yaml(text), "proj", env);
    }

    private static MapNode normalize(String text) {
        return normalize(text, Map.of());
    }

    private static Map<String, Object> dep(boolean restart) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("condition", "service_started");
        m.put("restart", restart);
        m.put("required", true);
        return m;
    }

    @Test
    void projectNameIsSet() {
        assertThat(at(normalize("services: {}\n"), "name")).isEqualTo("proj");
    }

    @Test
    void serviceWithoutNetworksJoinsTheDefaultNetwork() {
        MapNode root = normalize("services:\n  web:\n    image: nginx\n");
        assertThat(at(root, "services.web.networks")).isEqualTo(java.util.Collections.singletonMap("default", null));
        assertThat(at(root, "networks.default")).isEqualTo(Map.of("name", "proj_default"));
    }

    @Test
    void serviceWithNetworkModeGetsNoNetwork() {
        MapNode root = normalize("services:\n  web:\n    network_mode: host\n");
        assertThat(at(root, "services.web.networks")).isNull();
        assertThat(at(root, "networks")).isNull();
    }

    @Test
    void defaultNetworkIsAddedWhenAServiceNamesIt() {
        MapNode root = normalize("services:\n  web:\n    networks: {default: null, back: null}\nnetworks:\n  back: {}\n");
        assertThat((Map<String, Object>) at(root, "networks")).containsOnlyKeys("back", "default");
    }

    @Test
    void noDefaultNetworkWhenEveryServiceHasItsOwn() {
        MapNode root = normalize("services:\n  web:\n    networks: {back: null}\nnetworks:\n  back: {}\n");
        assertThat((Map<String, Object>) at(root, "networks")).containsOnlyKeys("back");
    }

    @Test
    void declaredDefaultNetworkKeepsItsSettings() {
        MapNode root = normalize("services:\n  web:\n    image: x\nnetworks:\n  default:\n    driver: bridge\n");
        assertThat(at(root, "networks.default")).isEqualTo(Map.of("driver", "bridge", "name", "proj_default"));
    }

    @Test
    void resourcesArePrefixedWithTheProjectName() {
        MapNode root = normalize("volumes:\n  data: {}\nsecrets:\n  s:\n    file: ./s\nconfigs:\n  c:\n    file: ./c\n");
        assertThat(at(root, "volumes.data.name")).isEqualTo("proj_data");
        assertThat(at(root, "secrets.s.name")).isEqualTo("proj_s");
        assertThat(at(root, "configs.c.name")).isEqualTo("proj_c");
    }

    @Test
    void nullResourceGetsAName() {
        assertThat(at(normalize("volumes:\n  data:\n"), "volumes.data")).isEqualTo(Map.of("name", "proj_data"));
    }

    @Test
    void externalResourceKeepsItsKeyAsName() {
        assertThat(at(normalize("volumes:\n  data:\n    external: true\n"), "volumes.data.name")).isEqualTo("data");
    }

    @Test
    void explicitResourceNameIsKept() {
        assertThat(at(normalize("networks:\n  n:\n    name: custom\n"), "networks.n.name")).isEqualTo("custom");
    }

    @Test
    void buildGetsContextAndDockerfileDefaults() {
        assertThat(at(normalize("services:\n  web:\n    build: {}\n"), "services.web.build"))
                .isEqualTo(Map.of("context", ".", "dockerfile", "Dockerfile"));
    }

    @Test
    void inlineDockerfileGetsNoDockerfileName() {
        assertThat(at(normalize("services:\n  web:\n    build:\n      context: .\n      dockerfile_inline: FROM x\n"),
                "services.web.build.dockerfile")).isNull();
    }

    @Test
    void buildArgsWithoutValueTakeTheEnvironmentOrAreDropped() {
        MapNode root = normalize("services:\n  web:\n    build:\n      args: [PRESENT, MISSING, SET=1]\n", Map.of("PRESENT", "p"));
        assertThat(at(root, "services.web.build.args")).isEqualTo(List.of("PRESENT=p", "SET=1"));
    }

    @Test
    void buildArgsMappingWithoutValueTakeTheEnvironmentOrAreDropped() {
        MapNode root = normalize("services:\n  web:\n    build:\n      args:\n        PRESENT:\n        MISSING:\n", Map.of("PRESENT", "p"));
        assertThat(at(root, "services.web.build.args")).isEqualTo(Map.of("PRESENT", "p"));
    }

    @Test
    void environmentWithoutValueTakesTheEnvironmentOrStaysUnset() {
        MapNode root = normalize("services:\n  web:\n    environment:\n      PRESENT:\n      MISSING:\n      SET: x\n", Map.of("PRESENT", "p"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("PRESENT", "p");
        expected.put("MISSING", null);
        expected.put("SET", "x");
        assertThat(at(root, "services.web.environment")).isEqualTo(expected);
    }

    @Test
    void environmentListWithoutValueTakesTheEnvironmentOrStaysUnset() {
        MapNode root = normalize("services:\n  web:\n    environment: [PRESENT, MISSING]\n", Map.of("PRESENT", "p"));
        assertThat(at(root, "services.web.environment")).isEqualTo(List.of("PRESENT=p", "MISSING"));
    }

    @Test
    void ifNotPresentPullPolicyBecomesMissing() {
        assertThat(at(normalize("services:\n  web:\n    pull_policy: if_not_present\n"), "services.web.pull_policy")).isEqualTo("missing");
    }

    @Test
    void linksAddRestartingDependencies() {
        MapNode root = normalize("services:\n  web:\n    links: [\"db:alias\", cache]\n");
        assertThat(at(root, "services.web.depends_on")).isEqualTo(Map.of("db", dep(true), "cache", dep(true)));
    }

    @Test
    void serviceNamespacesAddRestartingDependencies() {
        for (String ns : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
            MapNode root = normalize("services:\n  web:\n    " + ns + ": service:db\n");
            assertThat(at(root, "services.web.depends_on")).as(ns).isEqualTo(Map.of("db", dep(true)));
        }
    }

    @Test
    void volumesFromAddsNonRestartingDependencyExceptForContainers() {
        MapNode root = normalize("services:\n  web:\n    volumes_from: [\"store:ro\", \"container:abc\"]\n");
        assertThat(at(root, "services.web.depends_on")).isEqualTo(Map.of("store", dep(false)));
    }

    @Test
    void explicitDependencyIsNotReplacedByAnImplicitOne() {
        MapNode root = normalize("services:\n  web:\n    links: [db]\n    depends_on:\n      db:\n        condition: service_healthy\n        required: true\n");
        assertThat(at(root, "services.web.depends_on.db")).isEqualTo(Map.of("condition", "service_healthy", "required", true));
    }

    @Test
    void volumeTargetsAreCleaned() {
        MapNode root = normalize("services:\n  web:\n    volumes:\n      - type: volume\n        target: /data/../x/\n");
        assertThat(at(root, "services.web.volumes.0.target")).isEqualTo("/x");
    }
}
