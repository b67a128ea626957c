package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerDetails.MountState;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.ContainerSpec.BindOptions;
import io.github.compose4j.engine.ContainerSpec.Mount;
import io.github.compose4j.engine.ContainerSpec.TmpfsOptions;
import io.github.compose4j.engine.ContainerSpec.VolumeOptions;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.github.compose4j.execute.TestProjects.API_141;
import static io.github.compose4j.execute.TestProjects.create;
import static io.github.compose4j.execute.TestProjects.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VolumeMountsTest {
    @TempDir
    Path dir;

    private static Mount mount(String type, String source, String target, boolean ro) {
        return new Mount(type, source, target, ro, "", Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Mount volume(String source, String target, boolean nocopy) {
        return new Mount("volume", source, target, false, "", Optional.empty(),
                Optional.of(new VolumeOptions(nocopy, "", Map.of())), Optional.empty());
    }

    private ContainerSpec.Host host(String yaml) {
        return create(load(dir, "csx1", yaml), "web", API_141).spec().host();
    }

    @Test
    void bindsThatMayCreateTheirHostPathGoAsBindStrings() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    volumes:
                      - ./data:/data
                      - ./data:/data2:ro,z
                      - type: bind
                        source: ./data
                        target: /data5
                        bind:
                          create_host_path: true
                          propagation: rslave
                """);
        String data = dir.resolve("data").toString();
        assertThat(h.binds()).containsExactly(data + ":/data:rw", data + ":/data2:ro,z", data + ":/data5:rw,rslave");
        assertThat(h.mounts()).isEmpty();
    }

    @Test
    void otherBindsVolumesAndTmpfsGoAsMounts() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    volumes:
                      - type: bind
                        source: ./data
                        target: /data3
                        bind:
                          create_host_path: false
                          propagation: rshared
                      - type: bind
                        source: ./data
                        target: /data4
                      - named:/named
                      - type: volume
                        source: named
                        target: /named2
                        volume:
                          nocopy: true
                      - /anon
                      - type: tmpfs
                        target: /tmpfs1
                        tmpfs:
                          size: 1000000
                          mode: 0755
                volumes:
                  named: {}
                """);
        String data = dir.resolve("data").toString();
        assertThat(h.binds()).isEmpty();
        assertThat(h.mounts()).containsExactly(
                volume("", "/anon", false),
                new Mount("bind", data, "/data3", false, "", Optional.of(new BindOptions("rshared", false, "")),
                        Optional.empty(), Optional.empty()),
                mount("bind", data, "/data4", false),
                volume("csx1_named", "/named", false),
                volume("csx1_named", "/named2", true),
                new Mount("tmpfs", "", "/tmpfs1", false, "", Optional.empty(), Optional.empty(),
                        Optional.of(new TmpfsOptions(1000000, 493))));
    }

    @Test
    void volumeDrivenAsABindIsSentAsABindOfTheVolumeName() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    volumes:
                      - bvol:/b
                      - type: volume
                        source: bvol
                        target: /b2
                        read_only: true
                volumes:
                  bvol:
                    driver_opts:
                      type: none
                      o: bind
                      device: /somewhere
                """);
        assertThat(h.binds()).containsExactly("csx1_bvol:/b:rw", "csx1_bvol:/b2:ro");
        assertThat(h.mounts()).isEmpty();
    }

    @Test
    void serviceTmpfsEntriesMapPathToOptions() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    tmpfs:
                      - /run1
                      - /run2:size=64k
                """);
        assertThat(h.tmpfs()).containsOnly(Map.entry("/run1", ""), Map.entry("/run2", "size=64k"));
    }

    @Test
    void recreatedContainerInheritsAnonymousVolumesWithoutTheirOptions() {
        Project p = load(dir, "csx6", """
                services:
                  web:
                    image: busybox
                    volumes:
                      - /anon
                      - type: volume
                        target: /anon2
                        volume:
                          nocopy: true
                      - type: tmpfs
                        target: /t
                      - named:/named
                volumes:
                  named: {}
                """);
        var s = p.services().get("web");
        List<MountState> old = List.of(
                new MountState("volume", "4f7c85dd", "/var/lib/docker/volumes/4f7c85dd/_data", "/anon2", true),
                new MountState("tmpfs", "", "", "/t", true),
                new MountState("volume", "6586f358", "/var/lib/docker/volumes/6586f358/_data", "/anon", true),
                new MountState("volume", "csx6_named", "/var/lib/docker/volumes/csx6_named/_data", "/named", true));
        var request = ContainerRequest.forUp(p, s, 1, "x", Map.of(), ResolvedReferences.NONE, API_141)
                .inheriting(old, Set.of());
        assertThat(ContainerSpecs.build(request).spec().host().mounts()).containsExactly(
                mount("volume", "6586f358", "/anon", false),
                mount("volume", "4f7c85dd", "/anon2", false),
                volume("csx6_named", "/named", false),
                mount("tmpfs", "", "/t", false));
    }

    @Test
    void imageVolumesOfTheReplacedContainerAreKept() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: postgres
                """);
        var s = p.services().get("web");
        var old = List.of(new MountState("volume", "abc", "/v/abc/_data", "/var/lib/postgresql/data/", false),
                new MountState("volume", "def", "/v/def/_data", "/elsewhere", true));
        var request = ContainerRequest.forUp(p, s, 1, "x", Map.of(), ResolvedReferences.NONE, API_141)
                .inheriting(old, Set.of("/var/lib/postgresql/data"));
        assertThat(ContainerSpecs.build(request).spec().host().mounts())
                .containsExactly(mount("volume", "abc", "/var/lib/postgresql/data", true));
    }

    @Test
    void optionsOfAnotherMountTypeAreWarnedAbout() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    volumes:
                      - type: tmpfs
                        target: /t
                        volume:
                          nocopy: true
                """);
        assertThat(create(p, "web", API_141).warnings())
                .containsExactly("mount of type `tmpfs` should not define `volume` option");
    }

    @Test
    void fileSecretsAndConfigsAreReadOnlyBindMounts() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    secrets:
                      - s1
                      - source: s1
                        target: other
                      - senv
                    configs:
                      - c1
                      - source: c1
                        target: /etc/c1.conf
                      - ccontent
                secrets:
                  s1:
                    file: ./s1.txt
                  senv:
                    environment: SENV
                configs:
                  c1:
                    file: ./c1.txt
                  ccontent:
                    content: hello
                """);
        String s1 = dir.resolve("s1.txt").toString();
        String c1 = dir.resolve("c1.txt").toString();
        assertThat(h.mounts()).containsExactly(
                mount("bind", c1, "/c1", true),
                mount("bind", c1, "/etc/c1.conf", true),
                mount("bind", s1, "/run/secrets/other", true),
                mount("bind", s1, "/run/secrets/s1", true));
    }

    @Test
    void aServiceVolumeWinsOverASecretAtTheSameTarget() {
        ContainerSpec.Host h = host("""
                services:
                  web:
                    image: busybox
                    volumes:
                      - type: bind
                        source: ./mine
                        target: /run/secrets/s1
                    secrets: [s1]
                secrets:
                  s1:
                    file: ./s1.txt
                """);
        assertThat(h.mounts()).containsExactly(mount("bind", dir.resolve("mine").toString(), "/run/secrets/s1",
                false));
    }

    @Test
    void ownershipOfBindMountedSecretsIsWarnedAbout() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    secrets:
                      - source: s1
                        uid: "100"
                secrets:
                  s1:
                    file: ./s1.txt
                """);
        assertThat(create(p, "web", API_141).warnings())
                .containsExactly("secrets `uid`, `gid` and `mode` are not supported, they will be ignored");
    }

    @Test
    void externalSecretsAreRefused() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    secrets: [s1]
                secrets:
                  s1:
                    external: true
                    name: outside
                """);
        assertThatThrownBy(() -> create(p, "web", API_141)).hasMessage("unsupported external secret outside");
    }
}
