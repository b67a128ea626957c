package io.github.compose4j.model.codec;

import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.ProjectRequest;
import io.github.compose4j.load.tree.Warnings;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.compose4j.testing.TestProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

/** The documents {@code config} prints; expected texts are docker compose's for the same projects. */
class ProjectDocumentsTest {
    private static final String SECRETS = """
            services:
              web:
                image: busybox
                secrets: [s]
                configs: [c, inline]
            secrets:
              s:
                environment: TOKEN
            configs:
              c:
                environment: CONF
              inline:
                content: "hello"
            x-top: 1
            """;

    @TempDir
    Path dir;

    private Project load(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        ProjectRequest request = new ProjectRequest(List.of(), Optional.of("sec"), Optional.empty(), List.of(), List.of(),
                dir, Map.of("TOKEN", "s3cret", "CONF", "confval"), Optional.empty(), () -> "");
        return new ProjectLoader(request, Warnings.IGNORE).load(LoadOptions.DEFAULT, List.of());
    }

    @Test
    void secretValueIsLoadedButNeverPrinted() throws IOException {
        Project p = load(SECRETS);
        assertThat(p.secrets().get("s").content()).isEqualTo("s3cret");
        assertThat(ProjectDocuments.json(p)).doesNotContain("s3cret");
        assertThat(ProjectDocuments.yaml(p)).doesNotContain("s3cret");
    }

    @Test
    void configContentFromTheEnvironmentIsNotPrinted() throws IOException {
        Project p = load(SECRETS);
        assertThat(p.configs().get("c").content()).isEqualTo("confval");
        assertThat(ProjectDocuments.json(p)).doesNotContain("confval");
        assertThat(ProjectDocuments.yaml(p)).doesNotContain("confval");
    }

    @Test
    void inlineConfigContentIsPrinted() throws IOException {
        assertThat(ProjectDocuments.yaml(load(SECRETS))).contains("""
                  inline:
                    name: sec_inline
                    content: hello
                """);
    }

    @Test
    void jsonSortsTopLevelKeysAndPrintsFileObjectsAsCompose() throws IOException {
        String json = ProjectDocuments.json(load(SECRETS));
        assertThat(json).startsWith("""
                {
                  "configs": {
                    "c": {
                      "name": "sec_c",
                      "environment": "CONF"
                    },
                    "inline": {
                      "name": "sec_inline",
                      "content": "hello"
                    }
                  },
                  "name": "sec",
                  "networks": {
                    "default": {
                      "name": "sec_default",
                      "ipam": {}
                    }
                  },
                  "secrets": {
                    "s": {
                      "name": "sec_s",
                      "environment": "TOKEN"
                    }
                  },
                  "services": {""");
        assertThat(json).endsWith("  \"x-top\": 1\n}");
    }

    @Test
    void yamlPrintsKnownKeysInComposesOrderAndExtensionsLast() throws IOException {
        String yaml = ProjectDocuments.yaml(load(SECRETS));
        assertThat(yaml).startsWith("name: sec\nservices:\n  web:\n    configs:\n      - source: c\n      - source: inline\n"
                + "    image: busybox\n    networks:\n      default: null\n    secrets:\n      - source: s\n        target: /run/secrets/s\n"
                + "networks:\n  default:\n    name: sec_default\nsecrets:\n");
        assertThat(yaml).endsWith("x-top: 1\n");
    }

    @Test
    void emptyResourceSectionsAreLeftOut() {
        Project p = project("services:\n  web:\n    image: x\n");
        assertThat(ProjectDocuments.json(p)).doesNotContain("\"volumes\"", "\"networks\"", "\"secrets\"", "\"configs\"");
        assertThat(ProjectDocuments.yaml(p)).isEqualTo("name: proj\nservices:\n  web:\n    image: x\n");
    }

    @Test
    void yamlLeavesOutStructsWhoseFieldsAreAllZero() {
        Project p = project("services:\n  web:\n    image: x\n    deploy: {}\n");
        assertThat(ProjectDocuments.yaml(p)).contains("    deploy: {}\n");
        assertThat(ProjectDocuments.json(p)).contains("\"deploy\": {\n        \"resources\": {},\n        \"placement\": {}\n      }");
    }

    @Test
    void yamlWritesOptionalEnvFilesAsMappingsAndUlimitsCompactly() {
        Project p = project("services:\n  web:\n    image: x\n    env_file:\n      - a.env\n      - path: b.env\n        required: false\n"
                + "    ulimits:\n      nproc: 10\n      nofile: {soft: 1, hard: 2}\n");
        assertThat(ProjectDocuments.yaml(p)).contains("""
                    env_file:
                      - a.env
                      - path: b.env
                        required: false
                """).contains("""
                    ulimits:
                      nofile:
                        soft: 1
                        hard: 2
                      nproc: 10
                """);
    }
}
