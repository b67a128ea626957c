package io.github.compose4j.load.canonical;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values and messages are what {@code docker compose config} prints for the same specs. */
class PortSpecTest {
    @Test
    void hostIpWithoutHostPortPublishesNothing() throws Exception {
        assertThat(PortSpec.parse("1.2.3.4::80")).containsExactly(new PortSpec.Binding("1.2.3.4", 80, "", "tcp"));
    }

    @Test
    void protocolIsLowerCased() throws Exception {
        assertThat(PortSpec.parse("80/UDP")).containsExactly(new PortSpec.Binding("", 80, "", "udp"));
    }

    @Test
    void emptyProtocolIsTcp() throws Exception {
        assertThat(PortSpec.parse("81/")).containsExactly(new PortSpec.Binding("", 81, "", "tcp"));
    }

    @Test
    void sctpIsAccepted() throws Exception {
        assertThat(PortSpec.parse("80/sctp")).extracting(PortSpec.Binding::protocol).containsExactly("sctp");
    }

    @Test
    void hostRangeOnOneContainerPortIsPublishedAsARange() throws Exception {
        assertThat(PortSpec.parse("8000-8001:82")).containsExactly(new PortSpec.Binding("", 82, "8000-8001", "tcp"));
    }

    @Test
    void emptyBracketsMeanNoHostIp() throws Exception {
        assertThat(PortSpec.parse("[]:80:80")).containsExactly(new PortSpec.Binding("", 80, "80", "tcp"));
    }

    @Test
    void bracketedIpv4IsUnwrapped() throws Exception {
        assertThat(PortSpec.parse("[1.2.3.4]:80:80")).containsExactly(new PortSpec.Binding("1.2.3.4", 80, "80", "tcp"));
    }

    @Test
    void containerPortThatIsNotANumberFails() {
        assertThatThrownBy(() -> PortSpec.parse("abc")).hasMessage("Invalid containerPort: abc");
        assertThatThrownBy(() -> PortSpec.parse("8080:abc")).hasMessage("Invalid containerPort: abc");
    }

    @Test
    void containerPortOutOfRangeFails() {
        assertThatThrownBy(() -> PortSpec.parse("70000")).hasMessage("Invalid containerPort: 70000");
    }

    @Test
    void reversedRangeFails() {
        assertThatThrownBy(() -> PortSpec.parse("90-80")).hasMessage("Invalid containerPort: 90-80");
    }

    @Test
    void hostPortThatIsNotANumberFails() {
        assertThatThrownBy(() -> PortSpec.parse("abc:80")).hasMessage("Invalid hostPort: abc");
    }

    @Test
    void emptySpecFails() {
        assertThatThrownBy(() -> PortSpec.parse("")).hasMessage("No port specified: <empty>");
    }

    @Test
    void unbracketedIpv6FailsAsGoSplitsHostAndPort() {
        assertThatThrownBy(() -> PortSpec.parse("80:80:80:80"))
                .hasMessage("Invalid ip address 80:80: address 80:80:: too many colons in address");
    }

    @Test
    void unclosedBracketFailsAsGoSplitsHostAndPort() {
        assertThatThrownBy(() -> PortSpec.parse("[::1:80:80"))
                .hasMessage("Invalid ip address [::1: address [::1:: missing ']' in address");
    }

    @Test
    void strayClosingBracketFailsAsGoSplitsHostAndPort() {
        assertThatThrownBy(() -> PortSpec.parse("1.2.3.4]:80:80"))
                .hasMessage("Invalid ip address 1.2.3.4]: address 1.2.3.4]:: unexpected ']' in address");
    }

    @Test
    void strayOpeningBracketFailsAsGoSplitsHostAndPort() {
        assertThatThrownBy(() -> PortSpec.parse("a[b:80:80"))
                .hasMessage("Invalid ip address a[b: address a[b:: unexpected '[' in address");
        assertThatThrownBy(() -> PortSpec.parse("[[a]:80:80"))
                .hasMessage("Invalid ip address [[a]: address [[a]:: unexpected '[' in address");
    }

    @Test
    void textAfterClosingBracketFailsAsGoSplitsHostAndPort() {
        assertThatThrownBy(() -> PortSpec.parse("[a]b:80:80"))
                .hasMessage("Invalid ip address [a]b: address [a]b:: missing port in address");
        assertThatThrownBy(() -> PortSpec.parse("[a]]:80:80"))
                .hasMessage("Invalid ip address [a]]: address [a]]:: missing port in address");
        assertThatThrownBy(() -> PortSpec.parse("[a]:b:80:80"))
                .hasMessage("Invalid ip address [a]:b: address [a]:b:: too many colons in address");
    }

    @Test
    void longSyntaxOmitsEmptyHostIpAndPublished() {
        assertThat(PortSpec.toLongSyntax(new PortSpec.Binding("", 80, "", "tcp")))
                .containsExactly(Map.entry("mode", "ingress"), Map.entry("target", 80L), Map.entry("protocol", "tcp"));
    }
}
