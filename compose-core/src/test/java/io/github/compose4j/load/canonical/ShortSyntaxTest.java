package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShortSyntaxTest {
    @Test
    void portsExpandRangesAndKeepHostIp() throws Exception {
        assertThat(PortSpec.parse("8080:80")).containsExactly(new PortSpec.Binding("", 80, "8080", "tcp"));
        assertThat(PortSpec.parse("127.0.0.1:5000-5001:5000-5001/udp")).containsExactly(
                new PortSpec.Binding("127.0.0.1", 5000, "5000", "udp"),
                new PortSpec.Binding("127.0.0.1", 5001, "5001", "udp"));
        assertThat(PortSpec.parse("[::1]:80:80")).containsExactly(new PortSpec.Binding("::1", 80, "80", "tcp"));
        assertThat(PortSpec.parse("6005-6015:80")).containsExactly(new PortSpec.Binding("", 80, "6005-6015", "tcp"));
        assertThat(PortSpec.parse("80")).containsExactly(new PortSpec.Binding("", 80, "", "tcp"));
    }

    @Test
    void portsSortByTheirPortProtoTextAsCompose() throws Exception {
        assertThat(PortSpec.parse("9-10")).extracting(PortSpec.Binding::target).containsExactly(10L, 9L);
    }

    @Test
    void invalidPortsUseDockersWording() {
        assertThatThrownBy(() -> PortSpec.parse("80/xyz")).hasMessage("Invalid proto: xyz");
        assertThatThrownBy(() -> PortSpec.parse("1.2.3.999:80:80")).hasMessage("Invalid ip address: 1.2.3.999");
        assertThatThrownBy(() -> PortSpec.parse("8000-8001:80-82")).hasMessageContaining("Invalid ranges specified");
    }

    @Test
    void volumeShortSyntax() {
        assertThat(VolumeSpec.parse("./data:/data:ro")).isEqualTo(Map.of("type", "bind", "source", "./data",
                "target", "/data", "read_only", true, "bind", Map.of("create_host_path", true)));
        assertThat(VolumeSpec.parse("db:/var/lib/db")).isEqualTo(Map.of("type", "volume", "source", "db",
                "target", "/var/lib/db", "volume", Map.of()));
        assertThat(VolumeSpec.parse("/tmp/")).isEqualTo(Map.of("type", "volume", "target", "/tmp", "volume", Map.of()));
        assertThat(VolumeSpec.parse("c:\\data:/data")).containsEntry("type", "bind");
        assertThatThrownBy(() -> VolumeSpec.parse("ab:cd:ef:gh")).isInstanceOf(ComposeException.class)
                .hasMessage("invalid spec: ab:cd:ef:gh: too many colons");
    }

    @Test
    void shellWordsStopAtOperatorsAsCompose() {
        assertThat(ShellWords.split("echo 'a b' \"c d\" e\\ f")).containsExactly("echo", "a b", "c d", "e f");
        assertThat(ShellWords.split("a && b")).containsExactly("a");
        assertThat(ShellWords.split("sh -c 'x && y'")).containsExactly("sh", "-c", "x && y");
        assertThat(ShellWords.split("''")).containsExactly("");
        assertThatThrownBy(() -> ShellWords.split("echo 'open")).isInstanceOf(ComposeException.class);
    }

    @Test
    void goPaths() {
        assertThat(GoPaths.clean("/a/./b/../c//")).isEqualTo("/a/c");
        assertThat(GoPaths.join("/p", "../x")).isEqualTo("/x");
        assertThat(GoPaths.rel("/a/b", "/a/c/d")).isEqualTo("../c/d");
        assertThat(GoPaths.base("/a/b/")).isEqualTo("b");
        assertThat(GoPaths.dir("/a/b")).isEqualTo("/a");
    }

    @Test
    void unitParsers() {
        assertThat(UnitParsers.ramInBytes("512m")).isEqualTo(512L << 20);
        assertThat(UnitParsers.ramInBytes("1.5g")).isEqualTo((long) (1.5 * (1L << 30)));
        assertThat(UnitParsers.ramInBytes("100")).isEqualTo(100);
        assertThat(UnitParsers.goDuration("1m30s")).isEqualTo(90_000_000_000L);
        assertThat(UnitParsers.goDuration("1.5s")).isEqualTo(1_500_000_000L);
        assertThatThrownBy(() -> UnitParsers.goDuration("10")).hasMessage("time: missing unit in duration \"10\"");
        assertThat(List.of(UnitParsers.goDuration("0"))).containsExactly(0L);
    }
}
