package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.compose4j.testing.TestTrees.at;
import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class DefaultsTest {
    private static MapNode defaults(String serviceBody) {
        return Defaults.apply(yaml("services:\n  web:\n" + serviceBody.indent(4)));
    }

    @Test
    void buildWithoutContextGetsTheCurrentDirectory() {
        assertThat(at(defaults("build:\n  dockerfile: Dockerfile.dev"), "services.web.build.context")).isEqualTo(".");
    }

    @Test
    void buildContextIsKept() {
        assertThat(at(defaults("build:\n  context: ./app"), "services.web.build.context")).isEqualTo("./app");
    }

    @Test
    void secretWithoutTargetIsMountedUnderRunSecrets() {
        assertThat(at(defaults("secrets:\n  - source: token"), "services.web.secrets.0.target")).isEqualTo("/run/secrets/token");
    }

    @Test
    void secretTargetIsKept() {
        assertThat(at(defaults("secrets:\n  - source: token\n    target: /t"), "services.web.secrets.0.target")).isEqualTo("/t");
    }

    @Test
    void portGetsTcpAndIngress() {
        assertThat(at(defaults("ports:\n  - target: 80"), "services.web.ports.0"))
                .isEqualTo(Map.of("target", 80L, "protocol", "tcp", "mode", "ingress"));
    }

    @Test
    void portProtocolAndModeAreKept() {
        assertThat(at(defaults("ports:\n  - target: 80\n    protocol: udp\n    mode: host"), "services.web.ports.0"))
                .isEqualTo(Map.of("target", 80L, "protocol", "udp", "mode", "host"));
    }

    @Test
    void gpuRequestWithoutCountOrIdsTakesAllDevices() {
        MapNode root = defaults("gpus:\n  - driver: nvidia\n  - device_ids: ['0']");
        assertThat(at(root, "services.web.gpus.0.count")).isEqualTo("all");
        assertThat(at(root, "services.web.gpus.1")).isEqualTo(Map.of("device_ids", List.of("0")));
    }

    @Test
    void deployDeviceReservationWithoutCountTakesAllDevices() {
        MapNode root = defaults("deploy:\n  resources:\n    reservations:\n      devices:\n        - capabilities: [gpu]");
        assertThat(at(root, "services.web.deploy.resources.reservations.devices.0.count")).isEqualTo("all");
    }

    @Test
    void aTreeWithoutServicesIsUnchanged() {
        MapNode root = yaml("volumes:\n  data: {}\n");
        assertThat(Defaults.apply(root)).isSameAs(root);
    }
}
