package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.compose4j.testing.TestTrees.at;
import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathResolverTest {
    private final List<String> warnings = new ArrayList<>();

    private MapNode resolve(String text) {
        return new PathResolver("/project", Optional.of("/home/u"), warnings::add).resolve(yaml(text));
    }

    private MapNode service(String body) {
        return resolve("services:\n  web:\n" + body.indent(4));
    }

    @Test
    void relativeBuildContextIsJoinedToTheWorkingDirectory() {
        assertThat(at(service("build:\n  context: ../app/"), "services.web.build.context")).isEqualTo("/app");
    }

    @Test
    void tildeExpandsToTheHomeDirectory() {
        assertThat(at(service("build:\n  context: ~/app"), "services.web.build.context")).isEqualTo("/home/u/app");
    }

    @Test
    void tildeWithoutHomeWarnsAndStaysRelative() {
        MapNode root = new PathResolver("/project", Optional.empty(), warnings::add)
                .resolve(yaml("services:\n  web:\n    build:\n      context: ~/app\n"));
        assertThat(at(root, "services.web.build.context")).isEqualTo("/project/~/app");
        assertThat(warnings).containsExactly("cannot expand '~', because the environment lacks HOME");
    }

    @Test
    void remoteBuildContextsAreKept() {
        for (String url : List.of("https://github.com/a/b.git", "http://x/y.tar", "git://h/r", "ssh://h/r",
                "github.com/a/b", "git@github.com:a/b.git")) {
            assertThat(at(service("build:\n  context: \"" + url + "\""), "services.web.build.context")).as(url).isEqualTo(url);
        }
    }

    @Test
    void additionalContextsResolveLocalPathsOnly() {
        MapNode root = service("build:\n  additional_contexts:\n    a: ./a\n    b: docker-image://alpine\n    c: service:base\n");
        assertThat(at(root, "services.web.build.additional_contexts"))
                .isEqualTo(java.util.Map.of("a", "/project/a", "b", "docker-image://alpine", "c", "service:base"));
    }

    @Test
    void sshKeyPathsAreResolved() {
        assertThat(at(service("build:\n  ssh:\n    gh: ./id_rsa\n"), "services.web.build.ssh.gh")).isEqualTo("/project/id_rsa");
    }

    @Test
    void envFileAndLabelFilePathsAreResolved() {
        MapNode root = service("env_file:\n  - path: app.env\n    required: true\nlabel_file: [labels]\n");
        assertThat(at(root, "services.web.env_file.0.path")).isEqualTo("/project/app.env");
        assertThat(at(root, "services.web.label_file")).isEqualTo(List.of("/project/labels"));
    }

    @Test
    void extendsFileIsResolved() {
        assertThat(at(service("extends:\n  service: base\n  file: common/base.yaml\n"), "services.web.extends.file"))
                .isEqualTo("/project/common/base.yaml");
    }

    @Test
    void bindSourcesAreResolvedAndVolumeSourcesAreNot() {
        MapNode root = service("volumes:\n  - type: bind\n    source: ./data\n    target: /d\n"
                + "  - type: bind\n    source: ~/cache\n    target: /c\n"
                + "  - type: volume\n    source: named\n    target: /n\n");
        assertThat(at(root, "services.web.volumes.0.source")).isEqualTo("/project/data");
        assertThat(at(root, "services.web.volumes.1.source")).isEqualTo("/home/u/cache");
        assertThat(at(root, "services.web.volumes.2.source")).isEqualTo("named");
    }

    @Test
    void windowsAbsoluteBindSourceIsKept() {
        assertThat(at(service("volumes:\n  - type: bind\n    source: 'C:\\data'\n    target: /d\n"), "services.web.volumes.0.source"))
                .isEqualTo("C:\\data");
    }

    @Test
    void bindWithoutSourceFails() {
        assertThatThrownBy(() -> service("volumes:\n  - type: bind\n    target: /d\n"))
                .isInstanceOf(ComposeException.class)
                .hasMessageEndingWith("invalid mount config for type \"bind\": field Source must not be empty");
    }

    @Test
    void secretAndConfigFilesAreResolved() {
        MapNode root = resolve("secrets:\n  s:\n    file: ./s.txt\nconfigs:\n  c:\n    file: /etc/c.conf\n");
        assertThat(at(root, "secrets.s.file")).isEqualTo("/project/s.txt");
        assertThat(at(root, "configs.c.file")).isEqualTo("/etc/c.conf");
    }

    @Test
    void localVolumeDeviceIsResolvedForBindOption() {
        MapNode root = resolve("volumes:\n  v:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: ./dev\n");
        assertThat(at(root, "volumes.v.driver_opts.device")).isEqualTo("/project/dev");
    }

    @Test
    void volumeDeviceIsKeptWithoutLocalDriverOrBindOption() {
        MapNode root = resolve("volumes:\n  a:\n    driver_opts:\n      o: bind\n      device: ./a\n"
                + "  b:\n    driver: local\n    driver_opts:\n      o: addr=1.2.3.4\n      device: ./b\n");
        assertThat(at(root, "volumes.a.driver_opts.device")).isEqualTo("./a");
        assertThat(at(root, "volumes.b.driver_opts.device")).isEqualTo("./b");
    }

    @Test
    void relativeWorkingDirectoryGivesRelativePaths() {
        MapNode root = new PathResolver("../common", Optional.of("/home/u"), warnings::add)
                .resolve(yaml("services:\n  web:\n    build:\n      context: ./app\n"));
        assertThat(at(root, "services.web.build.context")).isEqualTo("../common/app");
    }

    @Test
    void watchPathFollowsTheFirstSymbolicLink(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("link"), real);
        MapNode root = new PathResolver(dir.toString(), Optional.of("/home/u"), warnings::add)
                .resolve(yaml("services:\n  web:\n    develop:\n      watch:\n        - path: link/src\n          action: sync\n"));
        assertThat(at(root, "services.web.develop.watch.0.path")).isEqualTo(real.toRealPath() + "/src");
    }
}
