package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.execute.ResolvedReferences.ContainerRef;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostConfigTest {
    @TempDir
    Path dir;

    private ContainerSpec.Host host(String yaml) {
        return create(load(dir, "x", yaml), "web", API_141).spec().host();
    }

    @Test
    void dnsAndExtraHostsWithColons() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    dns: [8.8.8.8]
                    dns_search: [example.com]
                    dns_opt: [ndots:2]
                    extra_hosts:
                      - "somehost:162.242.195.82"
                      - "other=10.0.0.1"
                """);
        assertThat(h.dns()).containsExactly("8.8.8.8");
        assertThat(h.dnsSearch()).containsExactly("example.com");
        assertThat(h.dnsOptions()).containsExactly("ndots:2");
        assertThat(h.extraHosts()).containsExactly("other:10.0.0.1", "somehost:162.242.195.82");
    }

    @Test
    void privilegesAndFilesystem() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    cap_add: [NET_ADMIN]
                    cap_drop: [MKNOD]
                    privileged: true
                    read_only: true
                    init: true
                    group_add: [mail]
                    shm_size: 64m
                    sysctls:
                      net.core.somaxconn: 1024
                    storage_opt:
                      size: 1G
                    oom_score_adj: 100
                """);
        assertThat(h.capAdd()).containsExactly("NET_ADMIN");
        assertThat(h.capDrop()).containsExactly("MKNOD");
        assertThat(h.privileged()).isTrue();
        assertThat(h.readonlyRootfs()).isTrue();
        assertThat(h.init()).contains(true);
        assertThat(h.groupAdd()).containsExactly("mail");
        assertThat(h.shmSize()).isEqualTo(67108864);
        assertThat(h.sysctls()).containsOnly(Map.entry("net.core.somaxconn", "1024"));
        assertThat(h.storageOpt()).containsOnly(Map.entry("size", "1G"));
        assertThat(h.oomScoreAdj()).isEqualTo(100);
    }

    @Test
    void initUnsetIsLeftToTheEngine() {
        assertThat(host("""
                services:
                  web:
                    image: busybox
                """).init()).isEmpty();
    }

    @Test
    void namespacesRuntimeAndIsolation() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    uts: host
                    userns_mode: host
                    cgroup: private
                    runtime: runc
                    isolation: default
                    annotations:
                      an: v
                """);
        assertThat(List.of(h.utsMode(), h.usernsMode(), h.cgroupnsMode(), h.runtime(), h.isolation()))
                .containsExactly("host", "host", "private", "runc", "default");
        assertThat(h.annotations()).containsOnly(Map.entry("an", "v"));
    }

    @Test
    void loggingDriverAndOptions() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    logging:
                      driver: json-file
                      options:
                        max-size: 1m
                """);
        assertThat(h.logConfig()).isEqualTo(new ContainerSpec.LogConfig("json-file", Map.of("max-size", "1m")));
    }

    @Test
    void volumesFromResolvesServicesAndDropsAccessModes() {
        Project p = load(dir, "x", """
                services:
                  base:
                    image: busybox
                  web:
                    image: busybox
                    volumes_from:
                      - container:somecontainer:ro
                      - base:ro
                """);
        var refs = new ResolvedReferences(Map.of("base", List.of(new ContainerRef("67025671bbac", "x-base-1"))),
                Map.of());
        assertThat(create(p, "web", API_141, refs).spec().host().volumesFrom())
                .containsExactly("somecontainer", "67025671bbac");
    }

    @Test
    void volumesFromAServiceWithoutContainerFails() {
        Project p = load(dir, "x", """
                services:
                  base:
                    image: busybox
                  web:
                    image: busybox
                    volumes_from: [base]
                """);
        assertThatThrownBy(() -> create(p, "web", API_141))
                .hasMessage("cannot share volume with service base: container missing");
    }

    @Test
    void plainSecurityOptionsGoThrough() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    security_opt:
                      - no-new-privileges:true
                      - label=disable
                      - seccomp=unconfined
                      - no-new-privileges
                """);
        assertThat(h.securityOpt()).containsExactly("no-new-privileges:true", "label=disable", "seccomp=unconfined",
                "no-new-privileges");
        assertThat(h.unconfinedSystemPaths()).isFalse();
    }

    @Test
    void seccompProfileFilesAreSentCompacted() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("seccomp.json"), """
                {
                  "defaultAction": "SCMP_ACT_ALLOW",
                  "syscalls": [ { "names": ["chmod"], "action": "SCMP_ACT_ERRNO" } ]
                }
                """);
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    security_opt:
                      - seccomp:./seccomp.json
                      - systempaths=unconfined
                      - apparmor=unconfined
                """);
        assertThat(h.securityOpt()).containsExactly("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":"
                + "[{\"names\":[\"chmod\"],\"action\":\"SCMP_ACT_ERRNO\"}]}", "apparmor=unconfined");
        assertThat(h.unconfinedSystemPaths()).isTrue();
    }

    @Test
    void missingSeccompProfileFails() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    security_opt: ["seccomp=nope.json"]
                """);
        assertThatThrownBy(() -> create(p, "web", API_141)).hasMessage("opening seccomp profile (nope.json) failed: "
                + "open " + dir.resolve("nope.json") + ": no such file or directory");
    }

    @Test
    void invalidSecurityOptionFails() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    security_opt: [nonsense]
                """);
        assertThatThrownBy(() -> create(p, "web", API_141)).hasMessage("Invalid security-opt: \"nonsense\"");
    }

    @Test
    void seccompPathUnderHome() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                """);
        assertThat(SecurityOptions.relativePath(p, "~/profiles/s.json", Optional.of(Path.of("/home/me"))))
                .isEqualTo(Path.of("/home/me/profiles/s.json"));
        assertThat(SecurityOptions.relativePath(p, "/abs/s.json", Optional.empty())).isEqualTo(Path.of("/abs/s.json"));
    }
}
