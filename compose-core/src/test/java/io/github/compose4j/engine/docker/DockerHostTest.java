package io.github.compose4j.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerHostTest {
    @ParameterizedTest(name = "{0} (tls={1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
        "''                          | false | unix:///var/run/docker.sock",
        "'   '                       | false | unix:///var/run/docker.sock",
        "''                          | true  | tcp://localhost:2376",
        "unix://                     | false | unix:///var/run/docker.sock",
        "unix:///tmp/d.sock          | false | unix:///tmp/d.sock",
        "tcp://                      | false | tcp://localhost:2375",
        "tcp://                      | true  | tcp://localhost:2375",
        "tcp://10.0.0.1              | false | tcp://10.0.0.1:2375",
        "tcp://:2376                 | false | tcp://localhost:2376",
        "tcp://host:                 | false | tcp://host:2375",
        "tcp://host:1234/base        | false | tcp://host:1234/base",
        "tcp://[::1]:2376            | false | tcp://[::1]:2376",
        "tcp://[::1]:                | false | tcp://[::1]:2375",
        "myhost:9999                 | false | tcp://myhost:9999",
        // the CLI (v26) takes a bare path for tcp too
        "/tmp/x.sock                 | false | tcp://localhost:2375/tmp/x.sock",
        "ssh://user@remote           | false | ssh://user@remote",
        "unix://unix:///x.sock       | false | unix:///x.sock",
        "tcp://a:1:2                 | false | tcp://[a:1:2]:2375",
        "tcp://::1                   | false | tcp://[::1]:2375",
        "tcp://tcp://x               | false | tcp://x:2375",
        "tcp://h/p?q=1               | false | tcp://h:2375/p",
        "tcp://host:99999            | false | tcp://host:99999",
    })
    void parsesLikeTheDockerCli(String value, boolean tls, String expected) {
        assertThat(DockerHost.parse(value, tls)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "foo://x               | invalid bind address format: foo://x",
        "tcp://host:abc        | 'parse \"tcp://host:abc\": invalid port \":abc\" after host'",
        "tcp://unix://x        | invalid proto, expected tcp: unix://x",
        "unix://tcp://x        | invalid proto, expected unix: tcp://x",
    })
    void rejectsMalformedHostsWithTheCliWording(String value, String message) {
        assertThatThrownBy(() -> DockerHost.parse(value, false)).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ssh://user@remote | ssh:// daemon hosts are not supported",
        "npipe:////./pipe/docker_engine | npipe:// daemon hosts (Windows named pipes) are not supported",
        "fd://3 | fd:// daemon hosts are not supported",
    })
    void refusesSchemesCompose4jCannotDial(String value, String message) {
        DockerHost host = DockerHost.parse(value, false);
        assertThatThrownBy(host::requireSupported).hasMessageContaining(message).hasMessageEndingWith(value);
    }

    @org.junit.jupiter.api.Test
    void exposesSocketPathAndTcpParts() {
        assertThat(DockerHost.parse("unix:///run/user/1000/docker.sock", false).socketPath())
            .isEqualTo(Path.of("/run/user/1000/docker.sock"));
        DockerHost tcp = DockerHost.parse("tcp://[fe80::1]:2376/v", false);
        assertThat(tcp.hostName()).isEqualTo("fe80::1");
        assertThat(tcp.port()).isEqualTo(2376);
        assertThat(tcp.basePath()).isEqualTo("/v");
    }
}
