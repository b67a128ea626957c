package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.PortBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.github.compose4j.execute.TestProjects.API_141;
import static io.github.compose4j.execute.TestProjects.create;
import static io.github.compose4j.execute.TestProjects.load;
import static org.assertj.core.api.Assertions.assertThat;

class PortSpecsTest {
    @TempDir
    Path dir;

    private ContainerSpec spec() {
        return create(load(dir, "x", """
                services:
                  web:
                    image: busybox
                    ports:
                      - "8080:80"
                      - "127.0.0.1:8081:81/udp"
                      - "9000-9001:90-91"
                      - "7000-7002:70"
                      - "82"
                      - target: 83
                        published: "8083"
                        host_ip: 0.0.0.0
                        protocol: tcp
                    expose:
                      - "3000"
                      - "4000/udp"
                      - "5000-5001"
                """), "web", API_141).spec();
    }

    @Test
    void exposedPortsHoldExposeAsWrittenAndEveryPortTarget() {
        assertThat(spec().config().exposedPorts()).containsExactly(
                "3000", "4000/udp", "5000-5001", "70/tcp", "80/tcp", "81/udp", "82/tcp", "83/tcp", "90/tcp", "91/tcp");
    }

    @Test
    void bindingsKeepHostAddressRangeAndProtocol() {
        assertThat(spec().host().portBindings()).containsExactly(
                new PortBinding("", 8080, 80, "tcp"),
                new PortBinding("127.0.0.1", 8081, 81, "udp"),
                new PortBinding("", 9000, 90, "tcp"),
                new PortBinding("", 9001, 91, "tcp"),
                new PortBinding("", 7000, 70, "tcp", 7002),
                new PortBinding("", 0, 82, "tcp"),
                new PortBinding("0.0.0.0", 8083, 83, "tcp"));
    }

    @Test
    void hostPortSpecIsWhatTheEngineApiTakes() {
        assertThat(spec().host().portBindings()).extracting(PortBinding::hostPortSpec)
                .containsExactly("8080", "8081", "9000", "9001", "7000-7002", "", "8083");
        assertThat(spec().host().publishAllPorts()).isFalse();
    }
}
