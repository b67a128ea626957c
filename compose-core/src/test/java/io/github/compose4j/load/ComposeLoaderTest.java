package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.source.ConfigFile;
import io.github.compose4j.load.source.Sources;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.yaml.YamlLimits;
import io.github.compose4j.load.yaml.YamlParser;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader pipeline from files to a project; expected values and messages are docker compose's. */
class ComposeLoaderTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();

    private void write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConfigDetails details(String... names) {
        List<ConfigFile> files = new ArrayList<>();
        for (String n : names) {
            files.add(Sources.read(dir.resolve(n).toString()));
        }
        return new ConfigDetails(dir.toString(), files, env);
    }

    private ComposeLoader loader() {
        return new ComposeLoader(new io.github.compose4j.load.source.Documents(new YamlParser(YamlLimits.DEFAULT)), warnings::add, Optional.of("/home/u"));
    }

    private Project load(String... names) {
        return loader().loadProject(details(names), new ProjectName("proj", false), LoadOptions.DEFAULT);
    }

    private Service web(String... names) {
        return load(names).services().get("web");
    }

    @Test
    void documentsOfOneFileAreMergedInOrder() {
        write("compose.yaml", "services:\n  web:\n    image: a\n    labels: {x: '1'}\n---\nservices:\n  web:\n    image: b\n");
        Service web = web("compose.yaml");
        assertThat(web.image()).isEqualTo("b");
        assertThat(web.labels()).containsEntry("x", "1");
    }

    @Test
    void laterFilesOverrideEarlierOnes() {
        write("compose.yaml", "services:\n  web:\n    image: a\n    environment: {A: '1', B: '1'}\n");
        write("override.yaml", "services:\n  web:\n    image: b\n    environment: {B: '2'}\n");
        Service web = web("compose.yaml", "override.yaml");
        assertThat(web.image()).isEqualTo("b");
        assertThat(web.environment()).containsEntry("A", Optional.of("1")).containsEntry("B", Optional.of("2"));
    }

    @Test
    void mergeOrderFollowsTheFileList() {
        write("a.yaml", "services:\n  web:\n    image: a\n");
        write("b.yaml", "services:\n  web:\n    image: b\n");
        assertThat(web("b.yaml", "a.yaml").image()).isEqualTo("a");
    }

    @Test
    void relativePathsOfEveryFileResolveAgainstTheWorkingDirectory() {
        write("compose.yaml", "services:\n  web:\n    image: a\n");
        write("sub/override.yaml", "services:\n  web:\n    build: ./app\n");
        assertThat(web("compose.yaml", "sub/override.yaml").build().get().context()).isEqualTo(dir.resolve("app").toString());
    }

    @Test
    void resetDropsAnInheritedValue() {
        write("compose.yaml", "services:\n  web:\n    image: a\n    ports: ['80:80']\n    command: [a, b]\n");
        write("override.yaml", "services:\n  web:\n    ports: !reset []\n    command: !reset null\n");
        Service web = web("compose.yaml", "override.yaml");
        assertThat(web.ports()).isEmpty();
        assertThat(web.command()).isEmpty();
    }

    @Test
    void overrideReplacesInsteadOfMerging() {
        write("compose.yaml", "services:\n  web:\n    image: a\n    environment: {A: '1'}\n");
        write("override.yaml", "services:\n  web:\n    environment: !override {B: '2'}\n");
        assertThat(web("compose.yaml", "override.yaml").environment()).containsOnlyKeys("B");
    }

    @Test
    void resetAppliesToAnExtendedService() {
        write("compose.yaml", "services:\n  base:\n    image: a\n    ports: ['80:80']\n  web:\n    extends: base\n    ports: !reset []\n");
        assertThat(web("compose.yaml").ports()).isEmpty();
    }

    @Test
    void extendsAServiceOfTheSameFile() {
        write("compose.yaml", "services:\n  base:\n    image: a\n    environment: {A: '1'}\n  web:\n    extends: base\n    environment: {B: '2'}\n");
        Service web = web("compose.yaml");
        assertThat(web.image()).isEqualTo("a");
        assertThat(web.environment()).containsOnlyKeys("A", "B");
        assertThat(web.extendsRef()).isEmpty();
    }

    @Test
    void extendsAServiceOfAnotherFileWithPathsRelativeToThatFile() {
        write("compose.yaml", "services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: base\n");
        write("common/base.yaml", "services:\n  base:\n    build: ./app\n    env_file: base.env\n");
        write("common/base.env", "FROM_BASE=1\n");
        Service web = web("compose.yaml");
        assertThat(web.build().get().context()).isEqualTo(dir.resolve("common/app").toString());
        assertThat(web.environment()).containsEntry("FROM_BASE", Optional.of("1"));
    }

    @Test
    void extendsFollowsAChain() {
        write("compose.yaml", "services:\n  c:\n    image: c\n    labels: {c: '1'}\n  b:\n    extends: c\n    labels: {b: '1'}\n"
                + "  web:\n    extends: b\n    labels: {web: '1'}\n");
        Service web = web("compose.yaml");
        assertThat(web.image()).isEqualTo("c");
        assertThat(web.labels()).containsOnlyKeys("c", "b", "web");
    }

    @Test
    void extendsCycleIsReportedWithItsChain() {
        write("compose.yaml", "services:\n  a:\n    extends: b\n  b:\n    extends: c\n  c:\n    extends: a\n    image: x\n");
        String file = dir.resolve("compose.yaml").toString();
        assertThatThrownBy(() -> load("compose.yaml"))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE))
                .hasMessage("Circular reference:\n  a in " + file + "\n  extends b in " + file + "\n  extends c in " + file
                        + "\n  extends a in " + file);
    }

    @Test
    void extendsCycleAcrossFilesNamesFilesAsWritten() {
        write("compose.yaml", "services:\n  web:\n    extends:\n      file: sub/base.yaml\n      service: base\n");
        write("sub/base.yaml", "services:\n  base:\n    extends:\n      file: ../compose.yaml\n      service: web\n    image: x\n");
        assertThatThrownBy(() -> load("compose.yaml"))
                .hasMessage("Circular reference:\n  web in sub/base.yaml\n  extends base in compose.yaml\n  extends web in sub/base.yaml");
    }

    @Test
    void extendsAnUnknownServiceFails() {
        write("compose.yaml", "services:\n  web:\n    extends: nope\n    image: x\n");
        assertThatThrownBy(() -> load("compose.yaml"))
                .hasMessageEndingWith("cannot extend service \"web\" in " + dir.resolve("compose.yaml") + ": service \"nope\" not found");
    }

    @Test
    void extendsAnUnknownServiceOfAnotherFileFails() {
        write("compose.yaml", "services:\n  web:\n    extends:\n      file: sub/b.yaml\n      service: nope\n    image: x\n");
        write("sub/b.yaml", "services:\n  x:\n    image: x\n");
        assertThatThrownBy(() -> load("compose.yaml")).hasMessageEndingWith(
                "cannot extend service \"web\" in " + dir.resolve("compose.yaml") + ": service \"nope\" not found in sub/b.yaml");
    }

    @Test
    void includedProjectResolvesPathsAgainstItsOwnDirectory() {
        write("compose.yaml", "include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: x\n");
        write("lib/compose.yaml", "services:\n  db:\n    build: .\n    volumes: ['./data:/data']\n");
        Project p = load("compose.yaml");
        assertThat(p.services().get("db").build().get().context()).isEqualTo(dir.resolve("lib").toString());
        assertThat(p.services().get("db").volumes().get(0).source()).isEqualTo(dir.resolve("lib/data").toString());
    }

    @Test
    void includedProjectReadsItsOwnDotEnv() {
        write("compose.yaml", "include:\n  - lib/compose.yaml\n");
        write("lib/compose.yaml", "services:\n  db:\n    image: 'busybox:${TAG}'\n");
        write("lib/.env", "TAG=fromdotenv\n");
        assertThat(load("compose.yaml").services().get("db").image()).isEqualTo("busybox:fromdotenv");
    }

    @Test
    void includeEnvFileReplacesTheIncludedDotEnv() {
        write("compose.yaml", "include:\n  - path: lib/compose.yaml\n    env_file: lib/custom.env\n");
        write("lib/compose.yaml", "services:\n  db:\n    image: 'busybox:${TAG}'\n");
        write("lib/.env", "TAG=fromdotenv\n");
        write("lib/custom.env", "TAG=fromcustom\n");
        assertThat(load("compose.yaml").services().get("db").image()).isEqualTo("busybox:fromcustom");
    }

    @Test
    void includingProjectEnvironmentWinsOverIncludedEnvFiles() {
        env.put("TAG", "fromos");
        write("compose.yaml", "include:\n  - lib/compose.yaml\n");
        write("lib/compose.yaml", "services:\n  db:\n    image: 'busybox:${TAG}'\n");
        write("lib/.env", "TAG=fromdotenv\n");
        assertThat(load("compose.yaml").services().get("db").image()).isEqualTo("busybox:fromos");
    }

    @Test
    void includedResourceRedefinedDifferentlyConflicts() {
        write("compose.yaml", "include:\n  - lib/compose.yaml\nservices:\n  db:\n    image: other\n");
        write("lib/compose.yaml", "services:\n  db:\n    image: x\n");
        assertThatThrownBy(() -> load("compose.yaml"))
                .hasMessage(dir.resolve("compose.yaml") + ":5:5: services.db conflicts with imported resource");
    }

    @Test
    void includedResourceRedefinedIdenticallyIsAccepted() {
        write("compose.yaml", "include:\n  - lib/compose.yaml\nvolumes:\n  data: {}\nservices:\n  web:\n    image: x\n    volumes: ['data:/d']\n");
        write("lib/compose.yaml", "volumes:\n  data: {}\n");
        assertThat(load("compose.yaml").volumes()).containsOnlyKeys("data");
    }

    @Test
    void includeCycleIsReportedWithItsChain() {
        write("compose.yaml", "include:\n  - sub/b.yaml\nservices:\n  w:\n    image: x\n");
        write("sub/b.yaml", "include:\n  - ../compose.yaml\n");
        String a = dir.resolve("compose.yaml").toString();
        assertThatThrownBy(() -> load("compose.yaml"))
                .hasMessage("include cycle detected:\n" + a + "\n include " + dir.resolve("sub/b.yaml") + "\n include " + a);
    }

    @Test
    void versionIsDroppedWithAWarning() {
        write("compose.yaml", "version: '3.8'\nservices:\n  web:\n    image: x\n");
        MapNode model = loader().loadModel(details("compose.yaml"), new ProjectName("proj", false), LoadOptions.DEFAULT);
        assertThat(model.has("version")).isFalse();
        assertThat(warnings).containsExactly(dir.resolve("compose.yaml")
                + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
    }

    @Test
    void emptyFileFails() {
        write("compose.yaml", "");
        assertThatThrownBy(() -> load("compose.yaml")).hasMessage("empty compose file");
    }

    @Test
    void interpolationSeesTheProjectName() {
        write("compose.yaml", "services:\n  web:\n    image: 'img-${COMPOSE_PROJECT_NAME}'\n");
        assertThat(web("compose.yaml").image()).isEqualTo("img-proj");
    }

    @Test
    void withoutInterpolationVariablesStayAsWritten() {
        write("compose.yaml", "services:\n  web:\n    image: '${IMG}'\n");
        LoadOptions raw = new LoadOptions(false, true, true, true, true, true, List.of());
        MapNode model = loader().loadModel(details("compose.yaml"), new ProjectName("proj", false), raw);
        assertThat(io.github.compose4j.testing.TestTrees.at(model, "services.web.image")).isEqualTo("${IMG}");
    }

    @Test
    void withoutNormalizationNoDefaultNetworkIsAdded() {
        write("compose.yaml", "services:\n  web:\n    image: x\n");
        LoadOptions options = new LoadOptions(true, false, true, true, true, true, List.of());
        MapNode model = loader().loadModel(details("compose.yaml"), new ProjectName("proj", false), options);
        assertThat(model.has("networks")).isFalse();
        assertThat(model.has("name")).isFalse();
    }

    @Test
    void inactiveProfileDisablesAService() {
        write("compose.yaml", "services:\n  web:\n    image: x\n  debug:\n    image: x\n    profiles: [dev]\n");
        Project p = load("compose.yaml");
        assertThat(p.services()).containsOnlyKeys("web");
        assertThat(p.disabledServices()).containsOnlyKeys("debug");
    }

    @Test
    void envFileEntriesAreReadIntoTheEnvironmentAndDropped() {
        write("compose.yaml", "services:\n  web:\n    image: x\n    env_file: app.env\n    environment: {B: from-yaml}\n");
        write("app.env", "A=1\nB=from-file\n");
        Service web = web("compose.yaml");
        assertThat(web.environment()).containsEntry("A", Optional.of("1")).containsEntry("B", Optional.of("from-yaml"));
        assertThat(web.envFile()).isEmpty();
    }
}
