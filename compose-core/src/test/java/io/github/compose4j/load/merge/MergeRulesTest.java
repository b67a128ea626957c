package io.github.compose4j.load.merge;

import static io.github.compose4j.load.merge.Trees.map;
import static io.github.compose4j.load.merge.Trees.plain;
import static io.github.compose4j.load.merge.Trees.seq;
import static io.github.compose4j.load.merge.Trees.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.MapNode;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One (base, override, expected) triple per merge rule. Bases are written as Compose's merge sees
 * them: for a second file, already in canonical form where the canonical stage changes them.
 */
class MergeRulesTest {

    /** What Compose holds right after merging a document: merged, then de-duplicated. */
    private static void assertMerged(MapNode base, MapNode override, MapNode expected) {
        MapNode merged = Merger.enforceUnicity(Merger.merge(base, override));
        assertThat(plain(merged)).isEqualTo(plain(expected));
    }

    private static void assertServiceMerged(MapNode base, MapNode override, MapNode expected) {
        assertMerged(service("app", base), service("app", override), service("app", expected));
    }

    @Test
    void scalarsAreReplacedAndNewKeysAdded() {
        assertServiceMerged(
                map("image", "nginx:1", "container_name", "first", "restart", "always", "user", "root"),
                map("image", "nginx:2", "user", "nobody"),
                map("image", "nginx:2", "container_name", "first", "restart", "always", "user", "nobody"));
    }

    @Test
    void nullOverrideKeepsTheBaseExceptForReplacedAttributes() {
        assertServiceMerged(
                map("image", "a", "command", seq("x"), "environment", map("A", "1"), "labels", seq("a=1"),
                        "dns", seq("1.1.1.1"), "volumes", seq("/a")),
                map("image", null, "command", null, "environment", null, "labels", null, "dns", null,
                        "volumes", null),
                // environment goes through the list form even when the override is null.
                map("image", "a", "command", null, "environment", seq("A=1"), "labels", seq("a=1"),
                        "dns", seq("1.1.1.1"), "volumes", seq("/a")));
    }

    @Test
    void nestedMappingsMergeKeyByKey() {
        assertServiceMerged(
                map("deploy", map("replicas", 2, "labels", map("a", "1"),
                        "resources", map("limits", map("cpus", "0.5", "memory", "100M")),
                        "restart_policy", map("condition", "on-failure"))),
                map("deploy", map("replicas", 4,
                        "resources", map("limits", map("memory", "200M"), "reservations", map("memory", "50M")))),
                // labels only become a list when both sides have them.
                map("deploy", map("replicas", 4, "labels", map("a", "1"),
                        "resources", map("limits", map("cpus", "0.5", "memory", "200M"),
                                "reservations", map("memory", "50M")),
                        "restart_policy", map("condition", "on-failure"))));
    }

    @Test
    void plainSequencesAppendThenSetLikeOnesAreDeduplicated() {
        assertServiceMerged(
                map("expose", seq("80", "443"), "dns", seq("1.1.1.1"), "dns_search", seq("a.example"),
                        "cap_add", seq("NET_ADMIN"), "cap_drop", seq("ALL"), "security_opt", seq("label:disable")),
                map("expose", seq("443", "8080"), "dns", seq("8.8.8.8"), "dns_search", "b.example",
                        "cap_add", seq("SYS_ADMIN", "NET_ADMIN"), "cap_drop", seq("MKNOD"),
                        "security_opt", seq("no-new-privileges:true")),
                map("expose", seq("80", "443", "8080"), "dns", seq("1.1.1.1", "8.8.8.8"),
                        "dns_search", seq("a.example", "b.example"),
                        "cap_add", seq("NET_ADMIN", "SYS_ADMIN"), "cap_drop", seq("ALL", "MKNOD"),
                        "security_opt", seq("label:disable", "no-new-privileges:true")));
    }

    @Test
    void extensionKeysAreReplacedWholeAtAnyLevel() {
        assertMerged(
                map("x-common", map("a", 1, "b", seq(1, 2)),
                        "services", map("app", map("image", "alpine", "x-meta", map("owner", "base"),
                                "deploy", map("x-bar", map("a", 1))))),
                map("x-common", map("b", seq(3), "c", 3),
                        "services", map("app", map("x-meta", map("team", "override"),
                                "deploy", map("x-bar", map("b", 2))))),
                map("x-common", map("b", seq(3), "c", 3),
                        "services", map("app", map("image", "alpine", "x-meta", map("team", "override"),
                                "deploy", map("x-bar", map("b", 2))))));
    }

    @Test
    void commandAndEntrypointAreReplacedWhateverTheirForm() {
        assertServiceMerged(
                map("command", seq("echo", "base"), "entrypoint", "/base-entry.sh"),
                map("command", "echo override", "entrypoint", seq("/override.sh", "--flag")),
                map("command", "echo override", "entrypoint", seq("/override.sh", "--flag")));
    }

    @Test
    void healthcheckTestIsReplacedAndTheRestMerged() {
        assertServiceMerged(
                map("healthcheck", map("test", seq("CMD", "base-check"), "interval", "10s", "retries", 3)),
                map("healthcheck", map("test", "override-check --flag", "timeout", "5s")),
                map("healthcheck", map("test", "override-check --flag", "interval", "10s", "retries", 3,
                        "timeout", "5s")));
    }

    @Test
    void environmentMappingAndListMergeByKeyKeepingTheFirstPosition() {
        assertServiceMerged(
                map("environment", map("C", "base-c", "A", "base-a", "B", "base-b")),
                map("environment", seq("B=override-b", "D=override-d", "C")),
                map("environment", seq("A=base-a", "B=override-b", "C", "D=override-d")));
    }

    @Test
    void mappingValuesAreWrittenWithGoFormatting() {
        assertServiceMerged(
                map("environment", map("I", 1, "F", 1.5, "E", 1e21, "B", true, "N", null, "S", "",
                        "L", seq("x", 2))),
                map("environment", map("Z", "z")),
                map("environment", seq("B=true", "E=1e+21", "F=1.5", "I=1", "L=x", "N", "S=", "Z=z")));
    }

    @Test
    void mappingToListConversionSortsByCodePoint() {
        assertServiceMerged(
                map("labels", map("b", "1", "\uD83D\uDE00", "2", "\uFF5E", "3", "B", "4")),
                map("labels", map()),
                map("labels", seq("B=4", "b=1", "\uFF5E=3", "\uD83D\uDE00=2")));
    }

    @Test
    void labelsAndAnnotationsMergeAcrossForms() {
        assertServiceMerged(
                map("labels", map("a", "1", "b", "2"), "annotations", map("x", "base")),
                map("labels", seq("b=20", "c=30"), "annotations", map("y", "override")),
                map("labels", seq("a=1", "b=20", "c=30"), "annotations", seq("x=base", "y=override")));
    }

    @Test
    void stringOrListAttributesAppend() {
        // tmpfs is not made a list by the canonical stage; dns is, so the base dns is a list here.
        assertServiceMerged(
                map("tmpfs", "/run", "dns", seq("1.1.1.1"), "env_file", seq("a.env")),
                map("tmpfs", seq("/tmp"), "dns", seq("8.8.8.8"), "env_file", "b.env"),
                map("tmpfs", seq("/run", "/tmp"), "dns", seq("1.1.1.1", "8.8.8.8"),
                        "env_file", seq("a.env", "b.env")));
    }

    @Test
    void nonStringScalarsVanishFromListConversion() {
        assertServiceMerged(map("dns_opt", 5), map("dns_opt", seq("a")), map("dns_opt", seq("a")));
    }

    @Test
    void sysctlsMergeAcrossForms() {
        assertServiceMerged(
                map("sysctls", map("net.core.somaxconn", 1024)),
                map("sysctls", seq("net.ipv4.tcp_syncookies=0", "net.core.somaxconn=2048")),
                map("sysctls", seq("net.core.somaxconn=2048", "net.ipv4.tcp_syncookies=0")));
    }

    @Test
    void extraHostsDropOnlyOverrideItemsEqualToABaseItem() {
        assertServiceMerged(
                map("extra_hosts", seq("h1:1.1.1.1", "h2=2.2.2.2")),
                map("extra_hosts", seq("h2=2.2.2.2", "h1:1.1.1.1", "h2=2.2.2.2", "h1=1.1.1.1")),
                map("extra_hosts", seq("h1:1.1.1.1", "h2=2.2.2.2", "h1=1.1.1.1")));
        assertServiceMerged(
                map("extra_hosts", seq("a.example:10.0.0.1")),
                map("extra_hosts", map("b.example", "10.0.0.2")),
                map("extra_hosts", seq("a.example:10.0.0.1", "b.example=10.0.0.2")));
    }

    @Test
    void extraHostsAreNotDeduplicatedWithinTheOverride() {
        assertServiceMerged(
                map("extra_hosts", seq("a=1")),
                map("extra_hosts", seq("b=2", "b=2")),
                map("extra_hosts", seq("a=1", "b=2", "b=2")));
    }

    @Test
    void buildStringIsItsContext() {
        assertServiceMerged(map("build", "./src"), map("build", map("target", "prod")),
                map("build", map("context", "./src", "target", "prod")));
        assertServiceMerged(map("build", map("context", "./src", "target", "dev")), map("build", "./other"),
                map("build", map("context", "./other", "target", "dev")));
        assertServiceMerged(map("image", "registry/app:1"), map("build", ".", "pull_policy", "build"),
                map("image", "registry/app:1", "build", ".", "pull_policy", "build"));
    }

    @Test
    void buildMergesArgsAcrossFormsAndAppendsLists() {
        assertServiceMerged(
                map("build", map("context", "./src", "args", map("A", "1", "B", "2"), "target", "dev",
                        "labels", seq("x=1"))),
                map("build", map("dockerfile", "Dockerfile.prod", "args", seq("B=20", "C=30"), "target", "prod",
                        "cache_from", seq("app:cache"))),
                map("build", map("context", "./src", "args", seq("A=1", "B=20", "C=30"), "target", "prod",
                        "labels", seq("x=1"), "dockerfile", "Dockerfile.prod", "cache_from", seq("app:cache"))));
    }

    @Test
    void dependsOnListBecomesMappingWithDefaults() {
        assertServiceMerged(
                map("depends_on", seq("db")),
                map("depends_on", map("cache", map("condition", "service_started"),
                        "db", map("condition", "service_healthy", "restart", true))),
                map("depends_on", map(
                        "db", map("condition", "service_healthy", "required", true, "restart", true),
                        "cache", map("condition", "service_started"))));
    }

    @Test
    void dependsOnListInOverrideResetsConditionButKeepsOtherKeys() {
        assertServiceMerged(
                map("depends_on", map("db", map("condition", "service_healthy", "restart", true, "required", true))),
                map("depends_on", seq("db", "cache")),
                map("depends_on", map(
                        "db", map("condition", "service_started", "restart", true, "required", true),
                        "cache", map("condition", "service_started", "required", true))));
    }

    @Test
    void dependsOnDefaultsAreNotSharedBetweenEntries() {
        assertServiceMerged(
                map("depends_on", seq("db", "cache")),
                map("depends_on", map("db", map("condition", "service_healthy"))),
                map("depends_on", map(
                        "db", map("condition", "service_healthy", "required", true),
                        "cache", map("condition", "service_started", "required", true))));
    }

    @Test
    void serviceNetworksMergeAcrossForms() {
        assertServiceMerged(
                map("networks", map("front", map("aliases", seq("a1")), "back", map())),
                map("networks", map("front", map("aliases", seq("a2", "a1"), "ipv4_address", "172.20.0.5"),
                        "extra", null)),
                map("networks", map("front", map("aliases", seq("a1", "a2"), "ipv4_address", "172.20.0.5"),
                        "back", map(), "extra", null)));
        assertServiceMerged(map("networks", seq("front")), map("networks", seq("back")),
                map("networks", map("front", null, "back", null)));
        assertServiceMerged(map("networks", map("front", null)), map("networks", map("front", map("priority", 1))),
                map("networks", map("front", map("priority", 1))));
    }

    @Test
    void loggingOptionsMergeOnlyForTheSameDriver() {
        assertServiceMerged(
                map("logging", map("driver", "json-file", "options", map("max-size", "10m", "max-file", "3"))),
                map("logging", map("driver", "json-file", "options", map("max-size", "20m"))),
                map("logging", map("driver", "json-file", "options", map("max-size", "20m", "max-file", "3"))));
        assertServiceMerged(
                map("logging", map("driver", "json-file", "options", map("max-size", "10m"))),
                map("logging", map("driver", "syslog", "options", map("syslog-address", "udp://1.2.3.4:514"))),
                map("logging", map("driver", "syslog", "options", map("syslog-address", "udp://1.2.3.4:514"))));
        assertServiceMerged(
                map("logging", map("driver", "json-file", "options", map("max-size", "10m"))),
                map("logging", map("options", map("max-file", "2"))),
                map("logging", map("driver", "json-file", "options", map("max-size", "10m", "max-file", "2"))));
    }

    @Test
    void ulimitEntriesAreReplacedWhole() {
        assertServiceMerged(
                map("ulimits", map("nofile", map("soft", 1024, "hard", 2048), "nproc", 100)),
                map("ulimits", map("nofile", 4096)),
                map("ulimits", map("nofile", 4096, "nproc", 100)));
        assertServiceMerged(
                map("ulimits", map("nofile", map("soft", 1024, "hard", 2048))),
                map("ulimits", map("nofile", map("soft", 10))),
                map("ulimits", map("nofile", map("soft", 10))));
    }

    @Test
    void portsAppendAndOnlyIdenticalFormsCollideBeforeTheCanonicalStage() {
        assertServiceMerged(
                map("ports", seq("8080:80", "443:443")),
                map("ports", seq("8080:80", "9090:90")),
                map("ports", seq("8080:80", "443:443", "9090:90")));
        // The second file merges onto a canonical base: long forms collide by host:published:target/proto.
        MapNode canonical80 = map("mode", "ingress", "target", 80, "published", "8080", "protocol", "tcp");
        MapNode canonical443 = map("mode", "ingress", "target", 443, "published", "443", "protocol", "tcp");
        assertServiceMerged(
                map("ports", seq(canonical80, canonical443)),
                map("ports", seq("8080:80", map("target", 443, "published", "443", "host_ip", "0.0.0.0"))),
                map("ports", seq(canonical80, map("target", 443, "published", "443", "host_ip", "0.0.0.0"),
                        "8080:80")));
    }

    @Test
    void volumesAreUniqueByTarget() {
        assertServiceMerged(
                map("volumes", seq("./a:/data", "logs:/logs", "./conf:/conf:ro")),
                map("volumes", seq("./b:/data", map("type", "volume", "source", "cache", "target", "/cache"))),
                map("volumes", seq("./b:/data", "logs:/logs", "./conf:/conf:ro",
                        map("type", "volume", "source", "cache", "target", "/cache"))));
    }

    @Test
    void secretsAndConfigsAreUniqueByTarget() {
        MapNode s2 = map("source", "s2", "target", "/run/secrets/custom");
        MapNode s1 = map("source", "s1", "mode", 256);
        MapNode c1 = map("source", "c1", "target", "/etc/c1.conf");
        assertServiceMerged(
                map("secrets", seq("s1", s2), "configs", seq("c1")),
                map("secrets", seq(s1, "s3"), "configs", seq(c1)),
                map("secrets", seq(s1, s2, "s3"), "configs", seq("c1", c1)));
    }

    @Test
    void devicesAreUniqueByTarget() {
        assertServiceMerged(
                map("devices", seq(map("source", "/dev/a", "target", "/dev/x", "permissions", "rwm"), "/dev/b:/dev/y")),
                map("devices", seq("/dev/c:/dev/x")),
                map("devices", seq("/dev/c:/dev/x", "/dev/b:/dev/y")));
    }

    @Test
    void profilesAppendUniquely() {
        assertMerged(
                map("services", map("app", map("image", "alpine", "profiles", seq("a")))),
                map("services", map("debug", map("image", "busybox", "profiles", seq("debug")),
                        "app", map("profiles", seq("prod", "a")))),
                map("services", map("app", map("image", "alpine", "profiles", seq("a", "prod")),
                        "debug", map("image", "busybox", "profiles", seq("debug")))));
    }

    @Test
    void topLevelResourcesMergeAndTheirLabelsAcrossForms() {
        assertMerged(
                map("volumes", map("data", map("driver", "local", "labels", map("a", "1"))),
                        "networks", map("net", map("driver", "bridge", "labels", seq("x=1")))),
                map("volumes", map("data", map("driver_opts", map("type", "tmpfs"), "labels", map("b", "2"))),
                        "networks", map("net", map("internal", true, "labels", map("x", "2")))),
                map("volumes", map("data", map("driver", "local", "labels", seq("a=1", "b=2"),
                                "driver_opts", map("type", "tmpfs"))),
                        "networks", map("net", map("driver", "bridge", "labels", seq("x=2"), "internal", true))));
    }

    @Test
    void threeFilesMergeInOrder() {
        MapNode first = service("app", map("image", "alpine:1", "environment", map("A", "1", "B", "1", "C", "1")));
        MapNode second = service("app", map("image", "alpine:2", "environment", map("B", "2")));
        MapNode third = service("app", map("environment", map("C", "3")));
        MapNode merged = Merger.enforceUnicity(Merger.merge(
                Merger.enforceUnicity(Merger.merge(Merger.applyResets(first), second)), third));
        assertThat(plain(merged)).isEqualTo(plain(
                service("app", map("image", "alpine:2", "environment", seq("A=1", "B=2", "C=3")))));
    }

    @Test
    void mismatchedFormsCannotOverride() {
        assertThatThrownBy(() -> Merger.merge(
                service("app", map("volumes", seq("/a"))),
                service("app", map("volumes", Trees.mapAt(Trees.at("b.yaml", 3), "a", "b")))))
                .isInstanceOf(ComposeException.class)
                .hasMessage("b.yaml:3:1: cannot override services.app.volumes")
                .extracting(e -> ((ComposeException) e).failure()).isEqualTo(Failure.COMPOSE_PARSE);
        assertThatThrownBy(() -> Merger.merge(map("x", map("a", 1)), map("x", seq(1))))
                .hasMessage("cannot override x");
    }

    @Test
    void scalarBaseIsReplacedByAnyOverride() {
        assertMerged(map("services", map("app", map("foo", "bar"))),
                map("services", map("app", map("foo", map("a", 1)))),
                map("services", map("app", map("foo", map("a", 1)))));
    }

    @Test
    void everyRuleOfTheTableIsReachable() {
        List<String> patterns = Arrays.asList("networks.x.ipam.config", "services.x.ulimits.nofile",
                "services.x.build.extra_hosts", "services.x.label_file");
        for (String p : patterns) {
            assertThat(MergeRules.TABLE.find(TreePath.of(p.split("\\.")))).as(p).isNotNull();
        }
        assertThat(MergeRules.TABLE.find(TreePath.of("services", "x", "image"))).isNull();
    }
}
