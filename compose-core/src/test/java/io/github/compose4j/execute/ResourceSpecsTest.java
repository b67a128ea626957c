package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.ContainerSpec.RestartPolicy;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.compose4j.execute.TestProjects.API_141;
import static io.github.compose4j.execute.TestProjects.create;
import static io.github.compose4j.execute.TestProjects.load;
import static org.assertj.core.api.Assertions.assertThat;

class ResourceSpecsTest {
    @TempDir
    Path dir;

    private ContainerSpec.Host host(String yaml) {
        return create(load(dir, "x", yaml), "web", API_141).spec().host();
    }

    @Test
    void serviceLevelLimits() {
        ContainerSpec.Resources r = host("""
                services:
                  web:
                    image: busybox
                    pids_limit: 100
                    mem_limit: 100m
                    memswap_limit: 200m
                    mem_reservation: 50m
                    cpu_shares: 512
                    cpus: 0.5
                    cpuset: "0"
                """).resources();
        assertThat(r.memory()).isEqualTo(104857600);
        assertThat(r.memorySwap()).isEqualTo(209715200);
        assertThat(r.memoryReservation()).isEqualTo(52428800);
        assertThat(r.cpuShares()).isEqualTo(512);
        assertThat(r.nanoCpus()).isEqualTo(500000000);
        assertThat(r.cpusetCpus()).isEqualTo("0");
        assertThat(r.pidsLimit()).contains(100L);
        assertThat(r.memorySwappiness()).isEmpty();
        assertThat(r.oomKillDisable()).contains(false);
    }

    @Test
    void cpusAreMultipliedInSinglePrecisionLikeCompose() {
        ContainerSpec.Resources r = host("""
                services:
                  web:
                    image: busybox
                    cpus: 0.1
                    cpu_percent: 33
                """).resources();
        assertThat(r.nanoCpus()).isEqualTo(100000000);
        assertThat(r.cpuPercent()).isEqualTo(3300);
    }

    @Test
    void deployLimitsAndReservations() {
        ContainerSpec.Resources r = host("""
                services:
                  web:
                    image: busybox
                    oom_kill_disable: true
                    mem_swappiness: 10
                    device_cgroup_rules:
                      - "c 1:3 mr"
                    deploy:
                      resources:
                        limits:
                          cpus: "0.25"
                          memory: 200m
                          pids: 20
                        reservations:
                          memory: 20m
                          cpus: "0.1"
                          devices:
                            - driver: nvidia
                              count: all
                              capabilities: [gpu, utility]
                            - device_ids: ["0", "1"]
                              capabilities: [tpu]
                              options:
                                a: b
                """).resources();
        assertThat(r.nanoCpus()).isEqualTo(250000000);
        assertThat(r.memory()).isEqualTo(209715200);
        assertThat(r.pidsLimit()).contains(20L);
        assertThat(r.memoryReservation()).isEqualTo(20971520);
        assertThat(r.memorySwappiness()).contains(10L);
        assertThat(r.oomKillDisable()).contains(true);
        assertThat(r.deviceCgroupRules()).containsExactly("c 1:3 mr");
        assertThat(r.deviceRequests()).containsExactly(
                new ContainerSpec.DeviceRequest("nvidia", -1, List.of(), List.of(List.of("gpu", "utility")), Map.of()),
                new ContainerSpec.DeviceRequest("", 0, List.of("0", "1"), List.of(List.of("tpu")), Map.of()));
    }

    @Test
    void gpusAttributeIsNotSentByCompose226() {
        ContainerSpec.Resources r = host("""
                services:
                  web:
                    image: busybox
                    gpus:
                      - driver: nvidia
                        count: 2
                        capabilities: [gpu]
                """).resources();
        assertThat(r.deviceRequests()).isEmpty();
    }

    @Test
    void devicesDefaultToSamePathAndAllPermissions() {
        ContainerSpec.Resources r = host("""
                services:
                  web:
                    image: busybox
                    devices:
                      - /dev/null:/dev/mynull:r
                      - /dev/zero
                """).resources();
        assertThat(r.devices()).containsExactly(new ContainerSpec.Device("/dev/null", "/dev/mynull", "r"),
                new ContainerSpec.Device("/dev/zero", "/dev/zero", "rwm"));
    }

    @Test
    void blockIo() {
        ContainerSpec.Resources r = host("""
                services:
                  web:
                    image: busybox
                    blkio_config:
                      weight: 300
                      weight_device:
                        - path: /dev/null
                          weight: 400
                      device_read_bps:
                        - path: /dev/null
                          rate: 12mb
                      device_write_iops:
                        - path: /dev/null
                          rate: 30
                """).resources();
        assertThat(r.blkioWeight()).isEqualTo(300);
        assertThat(r.blkioWeightDevice()).containsExactly(new ContainerSpec.WeightDevice("/dev/null", 400));
        assertThat(r.blkioDeviceReadBps()).containsExactly(new ContainerSpec.ThrottleDevice("/dev/null", 12582912));
        assertThat(r.blkioDeviceWriteIops()).containsExactly(new ContainerSpec.ThrottleDevice("/dev/null", 30));
        assertThat(r.blkioDeviceWriteBps()).isEmpty();
    }

    @Test
    void ulimitsBySingleValueOrSoftAndHard() {
        ContainerSpec.Resources r = host("""
                services:
                  web:
                    image: busybox
                    ulimits:
                      nproc: 65535
                      nofile:
                        soft: 20000
                        hard: 40000
                """).resources();
        assertThat(r.ulimits()).containsExactly(new ContainerSpec.Ulimit("nofile", 20000, 40000),
                new ContainerSpec.Ulimit("nproc", 65535, 65535));
    }

    @Test
    void restartPolicies() {
        Project p = load(dir, "x", """
                services:
                  retries:
                    image: busybox
                    restart: on-failure:3
                  no:
                    image: busybox
                    restart: "no"
                  unset:
                    image: busybox
                  deploy:
                    image: busybox
                    restart: "no"
                    deploy:
                      restart_policy:
                        condition: on-failure
                        max_attempts: 4
                  any:
                    image: busybox
                    restart: unless-stopped
                    deploy:
                      restart_policy:
                        condition: any
                  none:
                    image: busybox
                    deploy:
                      restart_policy:
                        condition: none
                """);
        assertThat(restart(p, "retries")).isEqualTo(new RestartPolicy("on-failure", 3));
        assertThat(restart(p, "no")).isEqualTo(new RestartPolicy("no", 0));
        assertThat(restart(p, "unset")).isEqualTo(RestartPolicy.NONE);
        assertThat(restart(p, "deploy")).isEqualTo(new RestartPolicy("on-failure", 4));
        assertThat(restart(p, "any")).isEqualTo(new RestartPolicy("always", 0));
        assertThat(restart(p, "none")).isEqualTo(new RestartPolicy("no", 0));
    }

    private static RestartPolicy restart(Project p, String service) {
        return create(p, service, API_141).spec().host().restartPolicy();
    }

    @Test
    void cgroupParentGoesToTheHostConfig() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    cgroup_parent: mygroup
                """);
        assertThat(h.cgroupParent()).isEqualTo("mygroup");
        assertThat(h.resources().cpusetMems()).isEmpty();
        assertThat(h.resources().pidsLimit()).isEqualTo(Optional.empty());
    }
}
