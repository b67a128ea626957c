package io.github.compose4j.execute;

import io.github.compose4j.engine.EndpointSpec;
import io.github.compose4j.execute.ContainerCreation.NetworkAttachment;
import io.github.compose4j.execute.ResolvedReferences.ContainerRef;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.compose4j.execute.TestProjects.API_141;
import static io.github.compose4j.execute.TestProjects.API_144;
import static io.github.compose4j.execute.TestProjects.create;
import static io.github.compose4j.execute.TestProjects.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkingTest {
    private static final String NETWORKS = """
            services:
              web:
                image: busybox
                mac_address: "02:42:ac:11:00:99"
                networks:
                  front:
                    aliases: [fa, fb]
                    ipv4_address: 172.28.5.10
                    link_local_ips: [169.254.8.8]
                    priority: 10
                    driver_opts:
                      foo: bar
                  back:
                    priority: 100
                  third: {}
              side:
                image: busybox
                networks:
                  front:
                    mac_address: "02:42:ac:11:00:98"
                  back:
            networks:
              front:
                ipam:
                  config:
                    - subnet: 172.28.0.0/16
              back: {}
              third:
                name: csx4-custom-third
            """;

    @TempDir
    Path dir;

    private static EndpointSpec endpoint(List<String> aliases, String ipv4, List<String> linkLocal, String mac) {
        return new EndpointSpec(aliases, List.of(), ipv4, "", linkLocal, mac, Map.of(), 0);
    }

    @Test
    void beforeApi144OnlyThePrimaryNetworkIsJoinedAtCreation() {
        ContainerCreation c = create(load(dir, "csx4", NETWORKS), "web", API_141);
        assertThat(c.spec().host().networkMode()).isEqualTo("csx4_back");
        assertThat(c.spec().endpoints()).containsOnly(
                Map.entry("csx4_back", endpoint(List.of("csx4-web-1", "web"), "", List.of(), "")));
        assertThat(c.connectAfterCreate()).containsExactly(
                new NetworkAttachment("csx4_front", endpoint(List.of("csx4-web-1", "web", "fa", "fb"),
                        "172.28.5.10", List.of("169.254.8.8"), "")),
                new NetworkAttachment("csx4-custom-third", endpoint(List.of("csx4-web-1", "web"), "", List.of(), "")));
    }

    @Test
    void fromApi144AllNetworksAreJoinedAtCreation() {
        ContainerCreation c = create(load(dir, "csx4", NETWORKS), "web", API_144);
        assertThat(c.spec().endpoints()).containsOnlyKeys("csx4_back", "csx4_front", "csx4-custom-third");
        assertThat(c.spec().endpoints().get("csx4_front").aliases()).containsExactly("csx4-web-1", "web", "fa", "fb");
        assertThat(c.connectAfterCreate()).isEmpty();
    }

    @Test
    void beforeApi144ThePrimaryEndpointsEmptyMacReplacesTheServiceOne() {
        // Compose 2.26 quirk: the primary network has a configuration without a MAC address.
        ContainerCreation c = create(load(dir, "csx4", NETWORKS), "web", API_141);
        assertThat(c.spec().config().macAddress()).isEmpty();
    }

    @Test
    void beforeApi144TheServiceMacStaysWhenThePrimaryNetworkHasNoConfiguration() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    mac_address: "02:42:ac:11:00:99"
                """);
        assertThat(create(p, "web", API_141).spec().config().macAddress()).isEqualTo("02:42:ac:11:00:99");
    }

    @Test
    void fromApi144TheServiceMacMovesToAConfiguredPrimaryEndpoint() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    mac_address: "02:42:ac:11:00:99"
                    networks:
                      front:
                        aliases: [a]
                networks:
                  front: {}
                """);
        ContainerCreation c = create(p, "web", API_144);
        assertThat(c.spec().config().macAddress()).isEmpty();
        assertThat(c.spec().endpoints().get("x_front").macAddress()).isEqualTo("02:42:ac:11:00:99");
    }

    @Test
    void aSecondaryNetworksMacIsSentWhenConnecting() {
        ContainerCreation c = create(load(dir, "csx4", NETWORKS), "side", API_141);
        assertThat(c.spec().host().networkMode()).isEqualTo("csx4_back");
        assertThat(c.spec().config().macAddress()).isEmpty();
        assertThat(c.connectAfterCreate()).containsExactly(new NetworkAttachment("csx4_front",
                endpoint(List.of("csx4-side-1", "side"), "", List.of(), "02:42:ac:11:00:98")));
    }

    @Test
    void macAddressesOnSeveralNetworksNeedApi144() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    networks:
                      a:
                        mac_address: "02:42:ac:11:00:01"
                      b:
                        mac_address: "02:42:ac:11:00:02"
                networks:
                  a: {}
                  b: {}
                """);
        assertThatThrownBy(() -> create(p, "web", API_141)).hasMessage("a MAC address is specified for multiple "
                + "networks (a, b), but this feature requires Docker Engine 1.44 or later (currently: 1.41)");
        assertThat(create(p, "web", API_144).spec().endpoints()).hasSize(2);
    }

    @Test
    void serviceMacMustMatchThePrimaryNetworksOne() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    mac_address: "02:42:ac:11:00:01"
                    networks:
                      a:
                        mac_address: "02:42:ac:11:00:02"
                networks:
                  a: {}
                """);
        assertThatThrownBy(() -> create(p, "web", API_141))
                .hasMessage("the service-level mac_address should have the same value as network a");
    }

    @Test
    void withoutNetworkAliasesOnlyTheContainerNameIsAnAlias() {
        Project p = load(dir, "csx4", NETWORKS);
        var s = p.services().get("web");
        var r = new ContainerRequest(p, s, 1, "csx4-web-run-1", Map.of(), ResolvedReferences.NONE, API_141, false,
                false, false, List.of(), java.util.Set.of(), java.util.Optional.empty());
        assertThat(ContainerSpecs.build(r).spec().endpoints().get("csx4_back").aliases())
                .containsExactly("csx4-web-1");
    }

    @Test
    void defaultNetworkWhenTheServiceNamesNone() {
        ContainerCreation c = create(load(dir, "x", """
                services:
                  web:
                    image: busybox
                """), "web", API_141);
        assertThat(c.spec().host().networkMode()).isEqualTo("x_default");
        assertThat(c.spec().endpoints()).containsOnlyKeys("x_default");
    }

    @Test
    void networkModesGoThroughAndServiceModesPointAtTheFirstContainer() {
        Project p = load(dir, "x", """
                services:
                  base:
                    image: busybox
                  web:
                    image: busybox
                    network_mode: service:base
                    ipc: service:base
                    pid: service:base
                  host:
                    image: busybox
                    network_mode: host
                    ipc: shareable
                    pid: host
                """);
        var refs = new ResolvedReferences(Map.of("base", List.of(new ContainerRef("bbbb", "x-base-2"),
                new ContainerRef("aaaa", "x-base-1"))), Map.of());
        ContainerCreation web = create(p, "web", API_141, refs);
        assertThat(web.spec().host().networkMode()).isEqualTo("container:aaaa");
        assertThat(web.spec().host().ipcMode()).isEqualTo("container:aaaa");
        assertThat(web.spec().host().pidMode()).isEqualTo("container:aaaa");
        assertThat(web.spec().endpoints()).isEmpty();
        ContainerCreation host = create(p, "host", API_141);
        assertThat(host.spec().host().networkMode()).isEqualTo("host");
        assertThat(host.spec().host().ipcMode()).isEqualTo("shareable");
        assertThat(host.spec().host().pidMode()).isEqualTo("host");
        assertThat(host.spec().endpoints()).isEmpty();
    }

    @Test
    void sharingANamespaceOfAServiceWithoutContainerFails() {
        Project p = load(dir, "x", """
                services:
                  base:
                    image: busybox
                  web:
                    image: busybox
                    ipc: service:base
                """);
        assertThatThrownBy(() -> create(p, "web", API_141))
                .hasMessage("cannot share IPC namespace with service base: container missing");
    }

    @Test
    void externalNetworksAreJoinedByTheIdTheyWereFoundUnder() {
        Project p = load(dir, "csx7", """
                services:
                  web:
                    image: busybox
                    networks: [ext, int]
                networks:
                  ext:
                    name: csx7ext
                    external: true
                  int: {}
                """);
        var refs = new ResolvedReferences(Map.of(), Map.of("ext", "e22c8913f944"));
        ContainerCreation c = create(p, "web", API_141, refs);
        assertThat(c.spec().host().networkMode()).isEqualTo("e22c8913f944");
        assertThat(c.connectAfterCreate()).extracting(NetworkAttachment::network).containsExactly("csx7_int");
    }

    @Test
    void linksNameEachLinkedContainerThreeWaysWithTheLinkingContainersNumber() {
        Project p = load(dir, "csx1", """
                services:
                  web:
                    image: busybox
                    links:
                      - db
                      - db:database
                    external_links:
                      - somecontainer
                      - somecontainer:alias2
                  db:
                    image: busybox
                """);
        var refs = new ResolvedReferences(Map.of("db", List.of(new ContainerRef("id1", "csx1-db-1"))), Map.of());
        ContainerCreation c = create(p, "web", API_141, refs);
        List<String> expected = List.of("csx1-db-1:db", "csx1-db-1:db-1", "csx1-db-1:csx1-db-1",
                "csx1-db-1:database", "csx1-db-1:db-1", "csx1-db-1:csx1-db-1",
                "somecontainer:somecontainer", "somecontainer:alias2");
        assertThat(c.spec().host().links()).isEqualTo(expected);
        assertThat(c.spec().endpoints().get("csx1_default").links()).isEqualTo(expected);
    }

    @Test
    void noProjectNetworksMeansNone() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    network_mode: bridge
                """);
        Project without = new Project(p.name(), p.services(), Map.of(), p.volumes(), p.secrets(), p.configs(),
                p.extensions(), p.workingDir(), p.composeFiles(), p.environment(), p.disabledServices(),
                p.profiles());
        var plain = io.github.compose4j.model.codec.RecordShape.with(p.services().get("web"), "networkMode", "");
        var r = ContainerRequest.forUp(without, plain, 1, "x-web-1", Map.of(), ResolvedReferences.NONE, API_141);
        assertThat(ContainerSpecs.build(r).spec().host().networkMode()).isEqualTo("none");
        assertThat(create(p, "web", API_141).spec().host().networkMode()).isEqualTo("bridge");
    }
}
