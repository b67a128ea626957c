package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Warnings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.compose4j.testing.TestTrees.at;
import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalTest {
    private final List<String> warnings = new ArrayList<>();

    private MapNode canonical(String text) {
        return Canonical.transform(yaml(text), false, warnings::add);
    }

    private static MapNode lenient(String text) {
        return Canonical.transform(yaml(text), true, Warnings.IGNORE);
    }

    private MapNode service(String body) {
        return (MapNode) canonical("services:\n  web:\n" + body.indent(4)).get("services");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] instanceof Integer n ? Long.valueOf(n) : kv[i + 1]);
        }
        return m;
    }

    @Test
    void buildStringBecomesContext() {
        assertThat(at(service("build: ./app"), "web.build")).isEqualTo(map("context", "./app"));
    }

    @Test
    void buildOfAnotherTypeFailsWithItsPosition() {
        assertThatThrownBy(() -> service("build: 12"))
                .isInstanceOf(ComposeException.class)
                .hasMessage("compose.yaml:3:12: services.web.build: invalid type int for build");
    }

    @Test
    void buildSecretsShortSyntaxBecomesSource() {
        assertThat(at(service("build:\n  context: .\n  secrets: [token]"), "web.build.secrets"))
                .isEqualTo(List.of(map("source", "token")));
    }

    @Test
    void buildAdditionalContextsListBecomesMapping() {
        assertThat(at(service("build:\n  additional_contexts: [\"base=docker-image://alpine\", \"x=./x=y\"]"),
                "web.build.additional_contexts"))
                .isEqualTo(map("base", "docker-image://alpine", "x", "./x=y"));
    }

    @Test
    void buildAdditionalContextWithoutEqualsFails() {
        assertThatThrownBy(() -> service("build:\n  additional_contexts: [base]"))
                .hasMessageEndingWith("services.web.build.additional_contexts: invalid value base, expected key=value");
    }

    @Test
    void buildAdditionalContextWithoutEqualsIsKeptWhenParseErrorsAreIgnored() {
        MapNode root = lenient("services:\n  web:\n    build:\n      additional_contexts: [base]\n");
        assertThat(at(root, "services.web.build.additional_contexts")).isEqualTo(List.of("base"));
    }

    @Test
    void buildSshListBecomesMappingWithDefaultKeyless() {
        assertThat(at(service("build:\n  ssh: [default, \"gh=~/.ssh/id\"]"), "web.build.ssh"))
                .isEqualTo(map("default", null, "gh", "~/.ssh/id"));
    }

    @Test
    void buildSshKeyWithoutPathOtherThanDefaultFails() {
        assertThatThrownBy(() -> service("build:\n  ssh: [mykey]"))
                .hasMessageEndingWith("invalid ssh key \"mykey\"");
    }

    @Test
    void buildUlimitsAreCheckedLikeServiceUlimits() {
        assertThatThrownBy(() -> service("build:\n  ulimits:\n    nofile: lots"))
                .hasMessageEndingWith("services.web.build.ulimits.nofile: invalid type string for external");
    }

    @Test
    void dependsOnListBecomesStartedRequiredDependencies() {
        assertThat(at(service("depends_on: [db, cache]"), "web.depends_on")).isEqualTo(map(
                "db", map("condition", "service_started", "required", true),
                "cache", map("condition", "service_started", "required", true)));
    }

    @Test
    void dependsOnMappingGetsMissingConditionAndRequiredOnly() {
        assertThat(at(service("depends_on:\n  db:\n    condition: service_healthy\n    restart: true\n  cache:\n    required: false"),
                "web.depends_on")).isEqualTo(map(
                "db", map("condition", "service_healthy", "restart", true, "required", true),
                "cache", map("required", false, "condition", "service_started")));
    }

    @Test
    void dependsOnEntryThatIsNotAMappingFails() {
        assertThatThrownBy(() -> service("depends_on:\n  db: yes"))
                .hasMessageEndingWith("services.web.depends_on.db: unsupported value map[db:yes]");
    }

    @Test
    void dependsOnScalarFails() {
        assertThatThrownBy(() -> service("depends_on: db"))
                .hasMessageEndingWith("services.web.depends_on: invalid type string for depend_on");
    }

    @Test
    void envFileStringBecomesRequiredEntry() {
        assertThat(at(service("env_file: .env"), "web.env_file"))
                .isEqualTo(List.of(map("path", ".env", "required", true)));
    }

    @Test
    void envFileListMixesStringsAndMappingsKeepingRequired() {
        assertThat(at(service("env_file:\n  - a.env\n  - path: b.env\n    required: false\n  - path: c.env"), "web.env_file"))
                .isEqualTo(List.of(map("path", "a.env", "required", true), map("path", "b.env", "required", false),
                        map("path", "c.env", "required", true)));
    }

    @Test
    void labelFileAndDnsStringsBecomeLists() {
        MapNode s = service("label_file: labels.txt\ndns: 8.8.8.8");
        assertThat(at(s, "web.label_file")).isEqualTo(List.of("labels.txt"));
        assertThat(at(s, "web.dns")).isEqualTo(List.of("8.8.8.8"));
    }

    @Test
    void extendsStringNamesAServiceOfTheSameFile() {
        assertThat(at(service("extends: base"), "web.extends")).isEqualTo(map("service", "base"));
    }

    @Test
    void gpusStringAllBecomesOneRequestForAllDevices() {
        assertThat(at(service("gpus: all"), "web.gpus")).isEqualTo(List.of(map("count", "all")));
    }

    @Test
    void serviceNetworksListBecomesMappingWithoutSettings() {
        assertThat(at(service("networks: [front, back]"), "web.networks")).isEqualTo(map("front", null, "back", null));
    }

    @Test
    void volumesShortSyntaxBecomesLongSyntax() {
        assertThat(at(service("volumes: [\"data:/var/lib/data:ro\"]"), "web.volumes")).isEqualTo(List.of(
                map("type", "volume", "source", "data", "target", "/var/lib/data", "read_only", true, "volume", map())));
    }

    @Test
    void invalidVolumeSpecFailsWithItsPosition() {
        assertThatThrownBy(() -> service("volumes: [\"/a:/b:ro:x\"]"))
                .isInstanceOf(ComposeException.class)
                .hasMessage("compose.yaml:3:15: invalid spec: /a:/b:ro:x: too many colons");
    }

    @Test
    void invalidVolumeSpecIsKeptWhenParseErrorsAreIgnored() {
        MapNode root = lenient("services:\n  web:\n    volumes: [\"${V}:/b:ro:x\"]\n");
        assertThat(at(root, "services.web.volumes")).isEqualTo(List.of("${V}:/b:ro:x"));
    }

    @Test
    void devicesShortSyntaxDefaultsTargetAndPermissions() {
        assertThat(at(service("devices: [\"/dev/a\", \"/dev/b:/dev/c\", \"/dev/d:/dev/e:r\"]"), "web.devices")).isEqualTo(List.of(
                map("source", "/dev/a", "target", "/dev/a", "permissions", "rwm"),
                map("source", "/dev/b", "target", "/dev/c", "permissions", "rwm"),
                map("source", "/dev/d", "target", "/dev/e", "permissions", "r")));
    }

    @Test
    void deviceWithTooManyColonsFails() {
        assertThatThrownBy(() -> service("devices: [\"a:b:c:d\"]"))
                .hasMessageEndingWith("confusing device mapping, please use long syntax: a:b:c:d");
    }

    @Test
    void secretsAndConfigsShortSyntaxBecomeSource() {
        MapNode s = service("secrets: [token]\nconfigs: [conf]");
        assertThat(at(s, "web.secrets")).isEqualTo(List.of(map("source", "token")));
        assertThat(at(s, "web.configs")).isEqualTo(List.of(map("source", "conf")));
    }

    @Test
    void portsStringsAndNumbersBecomeLongSyntax() {
        assertThat(at(service("ports: [\"127.0.0.1:8080:80/udp\", 9000]"), "web.ports")).isEqualTo(List.of(
                map("mode", "ingress", "host_ip", "127.0.0.1", "target", 80, "published", "8080", "protocol", "udp"),
                map("mode", "ingress", "target", 9000, "protocol", "tcp")));
    }

    @Test
    void portsRangeExpandsToOneEntryPerPort() {
        assertThat((List<?>) at(service("ports: [\"8000-8002:8000-8002\"]"), "web.ports")).hasSize(3);
    }

    @Test
    void invalidPortFailsWithDockersMessage() {
        assertThatThrownBy(() -> service("ports: [\"80/xyz\"]"))
                .hasMessage("compose.yaml:3:13: Invalid proto: xyz");
    }

    @Test
    void invalidPortKeepsTheWholeListWhenParseErrorsAreIgnored() {
        MapNode root = lenient("services:\n  web:\n    ports: [\"80\", \"${P}\"]\n");
        assertThat(at(root, "services.web.ports")).isEqualTo(List.of("80", "${P}"));
    }

    @Test
    void portsThatAreNotAListFail() {
        assertThatThrownBy(() -> service("ports: 80"))
                .hasMessageEndingWith("services.web.ports: invalid type int for port");
    }

    @Test
    void ulimitsKeepNumbersAndMappings() {
        assertThat(at(service("ulimits:\n  nproc: 65535\n  nofile:\n    soft: 1\n    hard: 2"), "web.ulimits"))
                .isEqualTo(map("nproc", 65535, "nofile", map("soft", 1, "hard", 2)));
    }

    @Test
    void externalMappingBecomesTrueWithNameAndWarns() {
        MapNode root = canonical("volumes:\n  data:\n    external:\n      name: shared\n");
        assertThat(at(root, "volumes.data")).isEqualTo(map("external", true, "name", "shared"));
        assertThat(warnings).containsExactly("volumes.data: external.name is deprecated. Please set name and external: true");
    }

    @Test
    void externalNameConflictingWithNameFails() {
        assertThatThrownBy(() -> canonical("networks:\n  n:\n    name: a\n    external:\n      name: b\n"))
                .hasMessage("compose.yaml:3:11: networks.n: name and external.name conflict; only use name");
    }

    @Test
    void externalTrueIsLeftAsWritten() {
        assertThat(at(canonical("secrets:\n  s:\n    external: true\n"), "secrets.s")).isEqualTo(map("external", true));
        assertThat(warnings).isEmpty();
    }

    @Test
    void includeStringsBecomePathEntries() {
        assertThat(at(canonical("include:\n  - a/compose.yaml\n  - path: b.yaml\n"), "include"))
                .isEqualTo(List.of(map("path", "a/compose.yaml"), map("path", "b.yaml")));
    }

    @Test
    void failuresAreInvalidProjectFailures() {
        assertThatThrownBy(() -> service("ports: [\"x\"]"))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE));
    }

    @Test
    void unrelatedKeysAreLeftUntouched() {
        MapNode in = yaml("services:\n  web:\n    image: nginx\nx-note: [a]\n");
        assertThat(Canonical.transform(in, false, Warnings.IGNORE)).isEqualTo(in);
    }
}
