package io.github.compose4j.observe;

import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.ProjectRequest;
import io.github.compose4j.load.tree.Warnings;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigHashTest {
    /** The hashes below are what {@code docker compose config --hash web,db} (2.26.1) prints for this file. */
    private static final String COMPOSE = """
            services:
              web:
                image: nginx:1.25
                build:
                  context: .
                pull_policy: always
                scale: 2
                command: ["nginx", "-g", "daemon off;"]
                environment:
                  A: "1"
                  B: <&>
                ports:
                  - "8080:80"
                labels:
                  com.example: "x"
                healthcheck:
                  test: curl -f http://localhost
                  interval: 30s
                deploy:
                  replicas: 2
                  resources:
                    limits:
                      cpus: "0.5"
                      memory: 256m
                volumes:
                  - data:/data
              db:
                image: busybox
            volumes:
              data: {}
            """;
    private static final String WEB_HASH = "7f432d378755b058da3860ae7d6430cd84b41e7de9962ca5332fb41182691b94";
    private static final String DB_HASH = "2afd7866203dca40993313263173003833e9de9c3ad83f2f59484e32a5605234";

    @TempDir
    Path dir;

    private Project load() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
        ProjectRequest request = new ProjectRequest(List.of(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                dir, Map.of(), Optional.of("/home/u"), () -> "");
        return new ProjectLoader(request, Warnings.IGNORE).load(LoadOptions.DEFAULT, List.of());
    }

    @Test
    void hashOfARichServiceMatchesDockerCompose() throws IOException {
        assertThat(ConfigHash.of(load().services().get("web"))).isEqualTo(WEB_HASH);
    }

    @Test
    void hashOfAMinimalServiceMatchesDockerCompose() throws IOException {
        assertThat(ConfigHash.of(load().services().get("db"))).isEqualTo(DB_HASH);
    }

    @Test
    void buildPullPolicyAndScaleDoNotChangeTheHash() throws IOException {
        Service web = load().services().get("web");
        Service changed = RecordShape.with(RecordShape.with(RecordShape.with(web, "build", Optional.empty()),
                "pullPolicy", "never"), "scale", Optional.of(5L));
        assertThat(ConfigHash.of(changed)).isEqualTo(WEB_HASH);
    }

    @Test
    void anyOtherAttributeChangesTheHash() throws IOException {
        Service web = load().services().get("web");
        assertThat(ConfigHash.of(RecordShape.with(web, "image", "nginx:1.26"))).isNotEqualTo(WEB_HASH);
    }

    @Test
    void hashIsSha256InLowerCaseHex() {
        assertThat(ConfigHash.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
