package io.github.compose4j.stack;

import io.github.compose4j.engine.docker.SwarmBodies;
import io.github.compose4j.engine.swarm.ServiceMode;
import io.github.compose4j.engine.swarm.ServiceSpec;
import io.github.compose4j.engine.swarm.SwarmFileSpec;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Project;
import io.github.compose4j.testing.TestProjects;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConverterTest {

    private static StackSpec convert(String yaml) {
        return convert(yaml, Map.of(), Map.of());
    }

    private static StackSpec convert(String yaml, Map<String, byte[]> secrets, Map<String, byte[]> configs) {
        Project p = TestProjects.project(yaml);
        return StackConverter.convert(p, "st", secrets, configs);
    }

    private static ServiceSpec only(StackSpec spec) {
        assertThat(spec.services()).hasSize(1);
        return spec.services().get(0);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = StackConverterTest.class.getResourceAsStream("golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aServiceWithEveryMappedAttributeMatchesTheGoldenSpec() throws IOException {
        StackSpec spec = convert("""
                services:
                  web:
                    image: nginx:1.25
                    entrypoint: ["/docker-entrypoint.sh"]
                    command: ["nginx", "-g", "daemon off;"]
                    hostname: front
                    user: "101:101"
                    working_dir: /srv
                    environment: {B: "2", A: "1", EMPTY: null}
                    labels: {tier: front}
                    stop_grace_period: 20s
                    stop_signal: SIGQUIT
                    init: true
                    read_only: true
                    tty: true
                    extra_hosts: ["db.local:10.0.0.5"]
                    dns: ["9.9.9.9"]
                    dns_search: ["example.org"]
                    cap_add: [NET_ADMIN]
                    cap_drop: [ALL]
                    sysctls: {net.core.somaxconn: "1024"}
                    ulimits: {nofile: {soft: 1024, hard: 2048}}
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost"]
                      interval: 30s
                      timeout: 5s
                      retries: 3
                      start_period: 10s
                    logging: {driver: json-file, options: {max-size: 10m}}
                    ports:
                      - "8080:80"
                      - {target: 443, published: 8443, mode: host}
                    volumes:
                      - data:/var/lib/data
                      - type: tmpfs
                        target: /tmp
                        tmpfs: {size: 1048576}
                    networks:
                      front: {aliases: [www]}
                    secrets: [{source: token, target: api-token, mode: 0400}]
                    configs: [{source: site, target: /etc/nginx/conf.d/site.conf}]
                    deploy:
                      mode: replicated
                      replicas: 3
                      labels: {team: web}
                      endpoint_mode: vip
                      placement:
                        constraints: ["node.role == worker"]
                        preferences: [{spread: node.labels.zone}]
                        max_replicas_per_node: 2
                      resources:
                        limits: {cpus: "0.5", memory: 256M, pids: 100}
                        reservations: {cpus: "0.25", memory: 128M}
                      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 2m}
                      update_config: {parallelism: 2, delay: 10s, order: start-first}
                      rollback_config: {parallelism: 1, failure_action: continue}
                networks:
                  front: {driver: overlay, attachable: true}
                volumes:
                  data: {labels: {backup: daily}}
                secrets:
                  token: {file: ./token.txt}
                configs:
                  site: {file: ./site.conf}
                """, Map.of("token", "t0k3n".getBytes(StandardCharsets.UTF_8)),
            Map.of("site", "server {}".getBytes(StandardCharsets.UTF_8)));

        assertThat(SwarmBodies.serviceJson(only(spec))).isEqualToIgnoringNewLines(golden("web.json"));
    }

    @Test
    void aServiceWithoutNetworksJoinsTheStacksDefaultOverlayNetwork() {
        StackSpec spec = convert("""
                services:
                  app: {image: busybox}
                """);

        assertThat(spec.networks()).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("st_default");
            assertThat(n.driver()).isEqualTo("overlay");
            assertThat(n.labels()).containsEntry(StackLabels.NAMESPACE, "st");
        });
        assertThat(only(spec).task().networks()).singleElement()
            .satisfies(a -> assertThat(a.target()).isEqualTo("st_default"));
    }

    @Test
    void anExternalNetworkIsRequiredNotCreated() {
        StackSpec spec = convert("""
                services:
                  app: {image: busybox, networks: [shared]}
                networks:
                  shared: {external: true, name: corp-net}
                """);

        assertThat(spec.networks()).isEmpty();
        assertThat(spec.externalNetworks()).containsExactly("corp-net");
        assertThat(only(spec).task().networks().get(0).target()).isEqualTo("corp-net");
    }

    @Test
    void servicesAndTheirContainersCarryTheStackNamespaceLabel() {
        ServiceSpec s = only(convert("""
                services:
                  app: {image: busybox, labels: {a: b}, deploy: {labels: {c: d}}}
                """));

        assertThat(s.name()).isEqualTo("st_app");
        assertThat(s.labels()).containsEntry(StackLabels.NAMESPACE, "st").containsEntry(StackLabels.IMAGE, "busybox")
            .containsEntry("c", "d").doesNotContainKey("a");
        assertThat(s.task().container().labels()).containsEntry(StackLabels.NAMESPACE, "st").containsEntry("a", "b")
            .doesNotContainKey("c");
    }

    @Test
    void globalAndJobModesAreMapped() {
        StackSpec spec = convert("""
                services:
                  agent: {image: busybox, deploy: {mode: global}}
                  migrate: {image: busybox, deploy: {mode: replicated-job, replicas: 4}}
                  sweep: {image: busybox, deploy: {mode: global-job}}
                """);

        assertThat(spec.services()).extracting(ServiceSpec::mode).containsExactly(
            new ServiceMode(ServiceMode.Kind.GLOBAL, 0), new ServiceMode(ServiceMode.Kind.REPLICATED_JOB, 4),
            new ServiceMode(ServiceMode.Kind.GLOBAL_JOB, 0));
    }

    @Test
    void replicasWithAGlobalModeIsAnError() {
        assertThatThrownBy(() -> convert("""
                services:
                  agent: {image: busybox, deploy: {mode: global, replicas: 2}}
                """)).isInstanceOf(ComposeException.class)
            .hasMessage("service agent: replicas can only be used with replicated or replicated-job mode");
    }

    @Test
    void attributesSwarmIgnoresGiveOneWarningEach() {
        StackSpec spec = convert("""
                services:
                  web: {image: busybox, build: ., depends_on: [db], container_name: w, links: [db]}
                  db: {image: busybox, container_name: d}
                """);

        assertThat(spec.warnings()).containsExactly(
            "Ignoring unsupported option build (service web): a swarm runs images from a registry; build and push "
                + "the image first",
            "Ignoring unsupported option container_name (services db, web): Setting the container name is not "
                + "supported.",
            "Ignoring unsupported option depends_on (service web): Swarm starts services in no particular order",
            "Ignoring unsupported option links (service web): services on the same network reach each other by name");
    }

    @Test
    void aConfigsNameChangesWithItsContent() {
        String yaml = """
                services:
                  app: {image: busybox, configs: [conf]}
                configs:
                  conf: {file: ./conf}
                """;
        StackSpec v1 = convert(yaml, Map.of(), Map.of("conf", "one".getBytes(StandardCharsets.UTF_8)));
        StackSpec v2 = convert(yaml, Map.of(), Map.of("conf", "two".getBytes(StandardCharsets.UTF_8)));

        String name1 = v1.files().get(0).name();
        String name2 = v2.files().get(0).name();
        assertThat(name1).startsWith("st_conf-").isNotEqualTo(name2);
        assertThat(only(v2).task().container().configs().get(0).objectName()).isEqualTo(name2);
    }

    @Test
    void aSecretWithAnExplicitNameKeepsIt() {
        StackSpec spec = convert("""
                services:
                  app: {image: busybox, secrets: [s]}
                secrets:
                  s: {file: ./s, name: prod-db-password}
                """, Map.of("s", new byte[] {1}), Map.of());

        assertThat(spec.files()).extracting(SwarmFileSpec::name).containsExactly("prod-db-password");
        assertThat(only(spec).task().container().secrets().get(0).fileName()).isEqualTo("s");
    }

    @Test
    void theRestartAttributeBecomesARestartPolicyWhenDeployHasNone() {
        ServiceSpec s = only(convert("""
                services:
                  app: {image: busybox, restart: "on-failure:4"}
                """));

        assertThat(s.task().restart()).hasValueSatisfying(r -> {
            assertThat(r.condition()).isEqualTo("on-failure");
            assertThat(r.maxAttempts()).contains(4L);
        });
    }

    @Test
    void aServiceWithoutImageIsAnError() {
        assertThatThrownBy(() -> convert("""
                services:
                  app: {build: .}
                """)).hasMessage("invalid image reference for service app: no image specified");
    }
}
