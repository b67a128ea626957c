package io.github.compose4j.execute;

import io.github.compose4j.engine.IpamPoolSpec;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.VolumeSpec;
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

class NetworkAndVolumeSpecsTest {
    @TempDir
    Path dir;

    private Project project() {
        return load(dir, "csx4", """
                services:
                  web:
                    image: busybox
                    networks: [front, back, third]
                    volumes: [bvol:/b]
                networks:
                  front:
                    driver: bridge
                    driver_opts:
                      com.docker.network.bridge.enable_icc: "true"
                    ipam:
                      driver: default
                      config:
                        - subnet: 172.28.0.0/16
                          ip_range: 172.28.5.0/24
                          gateway: 172.28.5.254
                          aux_addresses:
                            host1: 172.28.1.5
                    labels:
                      nl: v
                    internal: true
                    attachable: true
                    enable_ipv6: false
                  back: {}
                  third:
                    name: csx4-custom-third
                volumes:
                  bvol:
                    driver: local
                    driver_opts:
                      type: none
                      o: bind
                      device: /tmp/csx/p4/bdir
                    labels:
                      vl: x
                """);
    }

    @Test
    void networkWithEverything() {
        assertThat(NetworkSpecs.of(project(), "front", VERSION)).isEqualTo(new NetworkSpec("csx4_front", "bridge",
                Map.of("com.docker.network.bridge.enable_icc", "true"), "default",
                List.of(new IpamPoolSpec("172.28.0.0/16", "172.28.5.0/24", "172.28.5.254",
                        Map.of("host1", "172.28.1.5"))),
                Map.of(), true, true, Optional.of(false), Optional.empty(),
                Map.of("com.docker.compose.network", "front", "com.docker.compose.project", "csx4",
                        "com.docker.compose.version", "2.26.1", "nl", "v")));
    }

    @Test
    void plainNetworksLeaveEverythingToTheEngine() {
        NetworkSpec back = NetworkSpecs.of(project(), "back", VERSION);
        assertThat(back.name()).isEqualTo("csx4_back");
        assertThat(back.driver()).isEmpty();
        assertThat(back.ipamDriver()).isEmpty();
        assertThat(back.ipamPools()).isEmpty();
        assertThat(back.enableIpv6()).isEmpty();
        assertThat(NetworkSpecs.of(project(), "third", VERSION).name()).isEqualTo("csx4-custom-third");
        assertThat(NetworkSpecs.of(project(), "third", VERSION).labels())
                .contains(entry("com.docker.compose.network", "third"));
    }

    @Test
    void volumeWithDriverOptionsAndLabels() {
        assertThat(VolumeSpecs.of(project(), "bvol", VERSION)).isEqualTo(new VolumeSpec("csx4_bvol", "local",
                Map.of("type", "none", "o", "bind", "device", "/tmp/csx/p4/bdir"),
                Map.of("com.docker.compose.project", "csx4", "com.docker.compose.version", "2.26.1",
                        "com.docker.compose.volume", "bvol", "vl", "x")));
    }
}
