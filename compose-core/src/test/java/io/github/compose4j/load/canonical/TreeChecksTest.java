package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import org.junit.jupiter.api.Test;

import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeChecksTest {
    private static void check(String text) {
        TreeChecks.check(yaml(text));
    }

    @Test
    void blankWatchPathFailsAtItsPosition() {
        assertThatThrownBy(() -> check("services:\n  web:\n    develop:\n      watch:\n        - path: ''\n          action: rebuild\n"))
                .isInstanceOfSatisfying(ComposeException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE))
                .hasMessage("compose.yaml:5:17: services.web.develop.watch.[].path: value can't be blank");
    }

    @Test
    void gpuCountAndDeviceIdsAreExclusive() {
        assertThatThrownBy(() -> check("services:\n  web:\n    gpus:\n      - count: 1\n        device_ids: ['0']\n"))
                .hasMessageEndingWith("services.web.gpus.[]: \"count\" and \"device_ids\" attributes are exclusive");
    }

    @Test
    void deployDeviceCountAndDeviceIdsAreExclusive() {
        assertThatThrownBy(() -> check("services:\n  web:\n    deploy:\n      resources:\n        reservations:\n"
                + "          devices:\n            - count: all\n              device_ids: ['0']\n"))
                .hasMessageEndingWith("services.web.deploy.resources.reservations.devices.[]: \"count\" and \"device_ids\" attributes are exclusive");
    }

    @Test
    void externalVolumeRejectsOtherParameters() {
        assertThatThrownBy(() -> check("volumes:\n  v:\n    external: true\n    driver: local\n"))
                .hasMessageEndingWith("volumes.v: conflicting parameters \"external\" and \"driver\" specified");
    }

    @Test
    void externalVolumeAcceptsNameAndExtensions() {
        assertThatCode(() -> check("volumes:\n  v:\n    external: true\n    name: shared\n    x-note: kept\n"))
                .doesNotThrowAnyException();
    }

    @Test
    void configSourcesAreMutuallyExclusive() {
        assertThatThrownBy(() -> check("configs:\n  c:\n    file: ./c.txt\n    content: inline\n"))
                .hasMessageEndingWith("configs.c: file|environment|content attributes are mutually exclusive");
    }

    @Test
    void secretNeedsAFileOrAnEnvironmentVariable() {
        assertThatThrownBy(() -> check("secrets:\n  s:\n    labels: {a: b}\n"))
                .hasMessageEndingWith("secrets.s: one of file|environment must be set");
    }

    @Test
    void secretContentIsNotASource() {
        assertThatThrownBy(() -> check("secrets:\n  s:\n    content: x\n"))
                .hasMessageEndingWith("secrets.s: one of file|environment must be set");
    }

    @Test
    void externalOrDriverBackedFileObjectsNeedNoSource() {
        assertThatCode(() -> check("secrets:\n  a:\n    external: true\nconfigs:\n  b:\n    driver: vault\n"))
                .doesNotThrowAnyException();
    }
}
