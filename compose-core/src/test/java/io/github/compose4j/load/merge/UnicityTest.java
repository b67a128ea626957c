package io.github.compose4j.load.merge;

import static io.github.compose4j.load.merge.Trees.map;
import static io.github.compose4j.load.merge.Trees.plain;
import static io.github.compose4j.load.merge.Trees.seq;
import static io.github.compose4j.load.merge.Trees.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import org.junit.jupiter.api.Test;

class UnicityTest {

    private static Object unique(String attribute, Node value) {
        MapNode root = Merger.enforceUnicity(service("app", map(attribute, value)));
        return plain(((MapNode) ((MapNode) root.get("services")).get("app")).get(attribute));
    }

    private static void assertFails(String attribute, Node value, String message) {
        assertThatThrownBy(() -> Merger.enforceUnicity(service("app", map(attribute, value))))
                .isInstanceOf(ComposeException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ComposeException) e).exitCode()).isEqualTo(15));
    }

    @Test
    void laterItemReplacesEarlierOneInItsPosition() {
        assertThat(unique("environment", seq("A=1", "B=2", "A=3", "C", "B"))).isEqualTo(plain(seq("A=3", "B", "C")));
    }

    @Test
    void keyValueListsByKey() {
        for (String attr : new String[] {"labels", "annotations", "cap_add", "cap_drop", "dns", "dns_opt",
                "dns_search", "links", "profiles", "sysctls", "tmpfs"}) {
            assertThat(unique(attr, seq("a=1", "b", "a=2", "b"))).as(attr).isEqualTo(plain(seq("a=2", "b")));
        }
    }

    @Test
    void keyValueListsRejectNonStrings() {
        assertFails("cap_add", seq("A", 1), "services.app.cap_add.[1]: unexpected type int");
        assertFails("environment", seq(map("a", 1)), "services.app.environment.[0]: unexpected type map[string]interface {}");
        assertFails("labels", seq((Object) null), "services.app.labels.[0]: unexpected type <nil>");
    }

    @Test
    void nestedListsAreReachedThroughMappings() {
        MapNode root = Merger.enforceUnicity(map(
                "services", map("app", map(
                        "build", map("args", seq("A=1", "A=2"), "tags", seq("t", "t"), "labels", seq("l=1", "l=2")),
                        "deploy", map("labels", seq("d=1", "d=2")),
                        "networks", map("front", map("aliases", seq("a", "b", "a"), "link_local_ips", seq("x", "x"))))),
                "networks", map("front", map("labels", seq("n=1", "n=2"), "ipam", map("options", seq("o=1", "o=2"))))));
        assertThat(plain(root)).isEqualTo(plain(map(
                "services", map("app", map(
                        "build", map("args", seq("A=2"), "tags", seq("t"), "labels", seq("l=2")),
                        "deploy", map("labels", seq("d=2")),
                        "networks", map("front", map("aliases", seq("a", "b"), "link_local_ips", seq("x"))))),
                "networks", map("front", map("labels", seq("n=2"), "ipam", map("options", seq("o=2")))))));
    }

    @Test
    void otherListsAreLeftAlone() {
        MapNode doc = service("app", map("security_opt", seq("a", "a"), "command", seq("x", "x"),
                "extra_hosts", seq("h=1", "h=1")));
        assertThat(Merger.enforceUnicity(doc)).isSameAs(doc);
    }

    @Test
    void volumesByTarget() {
        MapNode longForm = map("type", "bind", "source", "./c", "target", "/b");
        assertThat(unique("volumes", seq("./a:/a", "./b:/b:ro", "/anon", longForm, "vol:/anon")))
                .isEqualTo(plain(seq("./a:/a", longForm, "vol:/anon")));
        // A one-letter source is taken for a Windows drive: "a:/x" is an anonymous volume at "a:/x".
        assertThat(unique("volumes", seq("a:/x", "b:/x"))).isEqualTo(plain(seq("a:/x", "b:/x")));
        assertThat(unique("volumes", seq("C:\\data:/data", "./d:/data"))).isEqualTo(plain(seq("./d:/data")));
    }

    @Test
    void volumeErrors() {
        assertFails("volumes", seq(map("source", "a")), "service volume services.app.volumes.[0] is missing a mount target");
        assertFails("volumes", seq(""), "invalid empty volume spec");
        assertFails("volumes", seq("/x:/y:ro:z"), "invalid spec: /x:/y:ro:z: too many colons");
        assertFails("volumes", seq("/x::/y"), "invalid spec: /x::/y: empty section between colons");
    }

    @Test
    void devicesByTarget() {
        MapNode canonical = map("source", "/dev/a", "target", "/dev/x", "permissions", "rwm");
        assertThat(unique("devices", seq(canonical, "/dev/b", "/dev/c:/dev/x:r", "/dev/b:/dev/b")))
                .isEqualTo(plain(seq("/dev/c:/dev/x:r", "/dev/b:/dev/b")));
        assertFails("devices", seq(map("source", "/dev/a")), "service device services.app.devices.[0] is missing a mount target");
    }

    @Test
    void portsByTextOrByHostPublishedTargetProtocol() {
        assertThat(unique("ports", seq("80", 80, "8080:80", "8080:80/udp", "8080:80")))
                .isEqualTo(plain(seq(80, "8080:80", "8080:80/udp")));
        MapNode a = map("target", 80, "published", "8080");
        MapNode b = map("target", 80, "published", "8080", "host_ip", "0.0.0.0", "protocol", "tcp", "mode", "host");
        MapNode intPublished = map("target", 80, "published", 8080);
        MapNode noPublished = map("target", 80);
        MapNode nullPublished = map("target", 80, "published", null);
        assertThat(unique("ports", seq(a, intPublished, b, noPublished, nullPublished)))
                .isEqualTo(plain(seq(b, intPublished, nullPublished)));
        assertFails("ports", seq(map("published", 80)), "service ports services.app.ports.[0] is missing a target port");
    }

    @Test
    void portsWithoutAStringOrIntKeyShareTheEmptyKey() {
        assertThat(unique("ports", seq(1.5, true))).isEqualTo(plain(seq(true)));
    }

    @Test
    void exposeByValue() {
        assertThat(unique("expose", seq("80", 80, "443"))).isEqualTo(plain(seq(80, "443")));
        assertFails("expose", seq(1.5), "services.app.expose.[0]: unsupported expose value %!s(float64=1.5)");
    }

    @Test
    void secretsAndConfigsByTargetDefaultingToTheSource() {
        MapNode bySource = map("source", "a", "mode", 256);
        MapNode byTarget = map("source", "b", "target", "/run/secrets/a");
        assertThat(unique("secrets", seq("a", bySource, byTarget, "b"))).isEqualTo(plain(seq(byTarget, "b")));
        assertThat(unique("configs", seq("c", map("source", "c"), map("source", "c", "target", "/etc/c"))))
                .isEqualTo(plain(seq(map("source", "c"), map("source", "c", "target", "/etc/c"))));
        assertFails("secrets", seq(1), "services.app.secrets.[0]: unsupported expose value %!s(int=1)");
    }

    @Test
    void envFilesByPath() {
        MapNode required = map("path", "a.env", "required", false);
        assertThat(unique("env_file", seq("a.env", "b.env", required))).isEqualTo(plain(seq(required, "b.env")));
        assertFails("env_file", seq(map("required", true)), "environment path attribute services.app.env_file.[0] is missing");
    }

    @Test
    void errorsArePrefixedWithTheItemsPosition() {
        MapNode doc = service("app", map("cap_add", seq(Trees.scalarAt(Trees.at("compose.yaml", 7), 3))));
        assertThatThrownBy(() -> Merger.enforceUnicity(doc))
                .hasMessage("compose.yaml:7:1: services.app.cap_add.[0]: unexpected type int");
    }
}
