package io.github.compose4j.engine.docker;

import io.github.compose4j.engine.swarm.ServiceSpec;
import io.github.compose4j.stack.StackConverter;
import io.github.compose4j.testing.TestProjects;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SwarmBodiesTest {

    @Test
    void aServiceSpecReadBackFromItsJsonIsEqual() throws Exception {
        ServiceSpec spec = StackConverter.convert(TestProjects.project("""
                services:
                  web:
                    image: nginx
                    command: ["nginx"]
                    environment: {A: "1"}
                    healthcheck: {test: ["CMD", "true"], interval: 5s}
                    ports: ["80:80", {target: 53, protocol: udp, mode: host, published: 5353}]
                    volumes: [data:/data, /srv:/srv:ro]
                    configs: [c]
                    deploy:
                      replicas: 2
                      resources: {limits: {memory: 64M}}
                      restart_policy: {condition: any}
                      update_config: {order: start-first}
                      placement: {constraints: ["node.role==manager"], max_replicas_per_node: 1}
                volumes:
                  data: {}
                configs:
                  c: {file: ./c}
                """), "st", Map.of(), Map.of("c", "x".getBytes(StandardCharsets.UTF_8))).services().get(0);

        ServiceSpec read = SwarmBodies.readService(EngineJson.read(EngineJson.write(SwarmBodies.service(spec))));

        assertThat(read).isEqualTo(spec);
    }

    @Test
    void whatTheDaemonAddsByItselfIsLeftOutWhenReading() throws Exception {
        ServiceSpec read = SwarmBodies.readService(EngineJson.read("""
                {"Name":"x","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox","Init":false,
                 "DNSConfig":{},"Isolation":"default"},"Resources":{"Limits":{},"Reservations":{}},"Placement":{},
                 "ForceUpdate":0,"Runtime":"container"},"Mode":{"Replicated":{"Replicas":1}},
                 "EndpointSpec":{"Mode":"vip"}}"""));

        assertThat(read.task().container().dns()).isEmpty();
        assertThat(read.task().container().init()).isFalse();
        assertThat(read.task().resources().limits()).isEmpty();
        assertThat(read.task().resources().reservations()).isEmpty();
        assertThat(read.task().placement().constraints()).isEmpty();
    }
}
