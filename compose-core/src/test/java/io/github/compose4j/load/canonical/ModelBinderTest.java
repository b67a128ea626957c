package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Bytes;
import io.github.compose4j.model.DeviceRequest;
import io.github.compose4j.model.Duration;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.Ulimit;
import io.github.compose4j.model.Extensions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelBinderTest {
    private static Service bind(String body) {
        return ProjectBinder.service("web", yaml("web:\n" + body.indent(2)).get("web"));
    }

    @Test
    void serviceTakesItsNameFromItsKey() {
        assertThat(bind("image: nginx").name()).isEqualTo("web");
    }

    @Test
    void nullServiceHasZeroValues() {
        Service s = ProjectBinder.service("empty", null);
        assertThat(s.name()).isEqualTo("empty");
        assertThat(s.image()).isEmpty();
        assertThat(s.ports()).isEmpty();
        assertThat(s.command()).isEmpty();
    }

    @Test
    void numbersBecomeStrings() {
        Service s = bind("expose: [80, '90']\nlabels:\n  a: 1\n  b: 1.5\n  c: true\nsysctls:\n  net.core.somaxconn: 1024");
        assertThat(s.expose()).containsExactly("80", "90");
        assertThat(s.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "1.5"), Map.entry("c", "true"));
        assertThat(s.sysctls()).containsEntry("net.core.somaxconn", "1024");
    }

    @Test
    void environmentValuesAreOptionalStrings() {
        Service s = bind("environment:\n  A: 1\n  B:\n  C: x");
        assertThat(s.environment()).containsExactly(Map.entry("A", Optional.of("1")), Map.entry("B", Optional.empty()),
                Map.entry("C", Optional.of("x")));
    }

    @Test
    void environmentListSplitsAtTheFirstEquals() {
        Service s = bind("environment: ['A=b=c', 'B', 'C=']");
        assertThat(s.environment()).containsExactly(Map.entry("A", Optional.of("b=c")), Map.entry("B", Optional.empty()),
                Map.entry("C", Optional.of("")));
    }

    @Test
    void yesNoOnOffStringsAreBooleans() {
        Service s = bind("tty: 'yes'\nprivileged: 'off'\nstdin_open: 'Y'\nread_only: 'TRUE'");
        assertThat(s.tty()).isTrue();
        assertThat(s.privileged()).isFalse();
        assertThat(s.stdinOpen()).isTrue();
        assertThat(s.readOnly()).isTrue();
    }

    @Test
    void otherBooleanStringsFail() {
        assertThatThrownBy(() -> bind("tty: maybe")).isInstanceOf(ComposeException.class)
                .hasMessage("compose.yaml:2:8: services[web].tty: invalid boolean: maybe");
    }

    @Test
    void byteSizesUseBinaryUnits() {
        Service s = bind("mem_limit: 512m\nshm_size: 1gb\nmemswap_limit: 1000\nmem_reservation: '1.5k'");
        assertThat(s.memLimit()).isEqualTo(new Bytes(512L << 20));
        assertThat(s.shmSize()).isEqualTo(new Bytes(1L << 30));
        assertThat(s.memswapLimit()).isEqualTo(new Bytes(1000));
        assertThat(s.memReservation()).isEqualTo(new Bytes(1536));
    }

    @Test
    void invalidByteSizeFailsAsComposesDecoder() {
        assertThatThrownBy(() -> bind("mem_limit: lots"))
                .hasMessage("compose.yaml:2:14: decoding failed due to the following error(s):\n\nerror decoding 'services[web].mem_limit': invalid size: 'lots'");
    }

    @Test
    void decoderPathsNameNestedFieldsAndListItems() {
        assertThatThrownBy(() -> bind("deploy:\n  resources:\n    limits:\n      memory: lots"))
                .hasMessageEndingWith("'services[web].deploy.resources.limits.memory': invalid size: 'lots'");
        assertThatThrownBy(() -> bind("volumes:\n  - type: tmpfs\n    target: /t\n    tmpfs:\n      size: lots"))
                .hasMessageEndingWith("'services[web].volumes[0].tmpfs.size': invalid size: 'lots'");
    }

    @Test
    void durationsUseGoSyntax() {
        Service s = bind("stop_grace_period: 1m30s\nhealthcheck:\n  interval: 1.5s\n  timeout: 300ms");
        assertThat(s.stopGracePeriod()).contains(new Duration(90_000_000_000L));
        assertThat(s.healthcheck().get().interval()).contains(new Duration(1_500_000_000L));
        assertThat(s.healthcheck().get().timeout()).contains(new Duration(300_000_000L));
    }

    @Test
    void invalidDurationFailsWithGosMessage() {
        assertThatThrownBy(() -> bind("stop_grace_period: 10"))
                .hasMessage("compose.yaml:2:22: decoding failed due to the following error(s):\n\nerror decoding 'services[web].stop_grace_period': time: missing unit in duration \"10\"");
    }

    @Test
    void commandStringIsShellSplit() {
        Service s = bind("command: echo \"hello world\" && rm -rf x\nentrypoint: /bin/sh -c");
        assertThat(s.command()).contains(List.of("echo", "hello world"));
        assertThat(s.entrypoint()).contains(List.of("/bin/sh", "-c"));
    }

    @Test
    void commandListIsKeptAndNumbersBecomeStrings() {
        assertThat(bind("command: [sleep, 10]").command()).contains(List.of("sleep", "10"));
    }

    @Test
    void emptyCommandIsPresentButEmpty() {
        assertThat(bind("command: []").command()).contains(List.of());
        assertThat(bind("command: ''").command()).contains(List.of());
        assertThat(bind("image: x").command()).isEmpty();
    }

    @Test
    void unbalancedQuotesInCommandFail() {
        assertThatThrownBy(() -> bind("command: echo 'oops"))
                .hasMessage("compose.yaml:2:12: decoding failed due to the following error(s):\n\nerror decoding 'services[web].command': invalid command line string");
    }

    @Test
    void healthcheckTestStringRunsInAShell() {
        assertThat(bind("healthcheck:\n  test: curl -f http://localhost").healthcheck().get().test())
                .containsExactly("CMD-SHELL", "curl -f http://localhost");
    }

    @Test
    void healthcheckTestListIsKept() {
        assertThat(bind("healthcheck:\n  test: [CMD, 'true']").healthcheck().get().test()).containsExactly("CMD", "true");
    }

    @Test
    void extraHostsListAcceptsColonAndEqualsAndSeveralAddresses() {
        Service s = bind("extra_hosts: ['a:1.2.3.4', 'b=5.6.7.8', 'c=[::1]', 'd:1.1.1.1,2.2.2.2']");
        assertThat(s.extraHosts().asList("=")).containsExactly("a=1.2.3.4", "b=5.6.7.8", "c=::1", "d=1.1.1.1", "d=2.2.2.2");
    }

    @Test
    void extraHostsMappingAcceptsOneOrSeveralAddresses() {
        Service s = bind("extra_hosts:\n  h1: 1.2.3.4\n  h2: ['5.6.7.8', '[::2]']");
        assertThat(s.extraHosts().asList("=")).containsExactly("h1=1.2.3.4", "h2=5.6.7.8", "h2=::2");
    }

    @Test
    void extraHostWithoutAddressFails() {
        assertThatThrownBy(() -> bind("extra_hosts: ['alone']"))
                .hasMessageEndingWith("error decoding 'services[web].extra_hosts': invalid additional host, missing IP: alone");
    }

    @Test
    void extraHostWithoutNameFails() {
        assertThatThrownBy(() -> bind("extra_hosts: ['=1.2.3.4']"))
                .hasMessageEndingWith("error decoding 'services[web].extra_hosts': bad host name ''");
        assertThatThrownBy(() -> bind("extra_hosts:\n  'a:b': 1.2.3.4"))
                .hasMessageEndingWith("error decoding 'services[web].extra_hosts': bad host name 'a:b'");
    }

    @Test
    void ulimitIsASingleValueOrSoftAndHard() {
        Service s = bind("ulimits:\n  nproc: 65535\n  nofile:\n    soft: 1\n    hard: 2");
        assertThat(s.ulimits()).containsEntry("nproc", new Ulimit(65535, 0, 0, Extensions.NONE))
                .containsEntry("nofile", new Ulimit(0, 1, 2, Extensions.NONE));
    }

    @Test
    void deviceCountAllIsMinusOne() {
        Service s = bind("gpus:\n  - count: all\n  - count: 2\n  - count: '3'");
        assertThat(s.gpus()).extracting(DeviceRequest::count).containsExactly(-1L, 2L, 3L);
    }

    @Test
    void deviceCountOtherTextFails() {
        assertThatThrownBy(() -> bind("gpus:\n  - count: many"))
                .hasMessageEndingWith("error decoding 'services[web].gpus[0].count': invalid value \"many\", the only value allowed is 'all' or a number");
    }

    @Test
    void cpusAcceptTextAndNumbers() {
        assertThat(bind("cpus: '1.5'").cpus()).isEqualTo(1.5f);
        assertThat(bind("cpus: 2").cpus()).isEqualTo(2f);
    }

    @Test
    void integerFromTextIsParsed() {
        assertThat(bind("pids_limit: '100'").pidsLimit()).isEqualTo(100);
    }

    @Test
    void integerFromOtherTextFailsWithGosMessage() {
        assertThatThrownBy(() -> bind("pids_limit: many"))
                .hasMessageEndingWith("services[web].pids_limit: strconv.ParseInt: parsing \"many\": invalid syntax");
    }

    @Test
    void fieldKeysMatchIgnoringCaseWhenNoExactKeyExists() {
        Service s = bind("gpus:\n  - Driver: nvidia\n    COUNT: 2");
        assertThat(s.gpus().get(0).driver()).isEqualTo("nvidia");
        assertThat(s.gpus().get(0).count()).isEqualTo(2);
    }

    @Test
    void exactFieldKeyWinsOverAKeyInAnotherCase() {
        Service s = bind("gpus:\n  - COUNT: 2\n    count: all");
        assertThat(s.gpus().get(0).count()).isEqualTo(-1);
    }

    @Test
    void extensionsAreKeptAsPlainData() {
        Service s = bind("image: x\nx-team: core\nx-list: [1, two]");
        assertThat(s.extensions().values()).containsExactly(Map.entry("x-team", "core"), Map.entry("x-list", List.of(1L, "two")));
    }

    @Test
    void mappingWhereAListIsExpectedFailsLikeComposesDecoder() {
        assertThatThrownBy(() -> bind("cap_add:\n  a: b"))
                .hasMessageEndingWith("'services[web].cap_add' expected type 'slice', got unconvertible type 'map[string]interface {}', value: 'map[a:b]'");
    }

    @Test
    void singleStringWhereAStringListIsExpectedBecomesAList() {
        assertThat(bind("dns_search: example.com").dnsSearch()).containsExactly("example.com");
    }

    @Test
    void buildSshKeysKeepTheirOrder() {
        Service s = bind("build:\n  context: .\n  ssh:\n    default:\n    gh: /id");
        assertThat(s.build().get().ssh()).extracting(k -> k.id() + "=" + k.path()).containsExactly("default=", "gh=/id");
    }
}
