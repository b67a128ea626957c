package io.github.compose4j.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.error.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEndpointTest {
    @TempDir
    Path home;

    private Path dockerDir;

    @BeforeEach
    void setUp() throws IOException {
        dockerDir = Files.createDirectories(home.resolve(".docker"));
    }

    private void currentContext(Path configDir, String name) throws IOException {
        Files.writeString(configDir.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"" + name + "\"}");
    }

    private Path context(Path configDir, String name, String host, boolean skipVerify) throws IOException {
        String id = DockerEndpoint.contextId(name);
        Path meta = Files.createDirectories(configDir.resolve("contexts/meta").resolve(id));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":"
            + "{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":" + skipVerify + "}}}");
        return configDir.resolve("contexts/tls").resolve(id).resolve("docker");
    }

    private static void tlsFiles(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String name : names) {
            Files.write(dir.resolve(name), TestPems.bytes(switch (name) {
                case "ca.pem" -> "ca.pem";
                case "cert.pem" -> "client-rsa.pem";
                default -> "client-rsa-key-pkcs1.pem";
            }));
        }
    }

    @Test
    void contextIdIsSha256OfTheName() {
        // As created by `docker context create my-ctx`.
        assertThat(DockerEndpoint.contextId("my-ctx"))
            .isEqualTo("2e949dbc66d8e770bad3c1d483a32c09f47684977c5793624a441c886e9d1abb");
    }

    @Test
    void nothingConfiguredMeansDefaultSocket() {
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of(), home);
        assertThat(endpoint.host()).hasToString("unix:///var/run/docker.sock");
        assertThat(endpoint.contextName()).isEqualTo("default");
        assertThat(endpoint.tls()).isEmpty();
        assertThat(endpoint.configDir()).isEqualTo(dockerDir);
        assertThat(endpoint.warnings()).isEmpty();
    }

    @Test
    void dockerHostIsUsedAsIs() {
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of("DOCKER_HOST", "tcp://10.1.2.3"), home);
        assertThat(endpoint.host()).hasToString("tcp://10.1.2.3:2375");
        assertThat(endpoint.tls()).isEmpty();
    }

    @Test
    void dockerHostBeatsDockerContextAndConfigFile() throws IOException {
        context(dockerDir, "remote", "tcp://remote:2376", false);
        currentContext(dockerDir, "remote");
        DockerEndpoint endpoint = DockerEndpoint.resolve(
            Map.of("DOCKER_HOST", "unix:///tmp/other.sock", "DOCKER_CONTEXT", "remote"), home);
        assertThat(endpoint.host()).hasToString("unix:///tmp/other.sock");
        assertThat(endpoint.contextName()).isEqualTo("default");
    }

    @Test
    void emptyDockerHostDoesNotCount() throws IOException {
        context(dockerDir, "remote", "tcp://remote:2375", false);
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of("DOCKER_HOST", "", "DOCKER_CONTEXT", "remote"), home);
        assertThat(endpoint.host()).hasToString("tcp://remote:2375");
        assertThat(endpoint.contextName()).isEqualTo("remote");
    }

    @Test
    void dockerContextBeatsConfigFile() throws IOException {
        context(dockerDir, "a", "tcp://a:2375", false);
        context(dockerDir, "b", "tcp://b:2375", false);
        currentContext(dockerDir, "a");
        assertThat(DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "b"), home).host()).hasToString("tcp://b:2375");
        assertThat(DockerEndpoint.resolve(Map.of(), home).host()).hasToString("tcp://a:2375");
    }

    @Test
    void defaultContextByNameIgnoresTheConfigFile() throws IOException {
        context(dockerDir, "a", "tcp://a:2375", false);
        currentContext(dockerDir, "a");
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "default"), home);
        assertThat(endpoint.host()).hasToString("unix:///var/run/docker.sock");
    }

    @Test
    void dockerConfigMovesConfigFileAndContextStore() throws IOException {
        Path other = Files.createDirectories(home.resolve("elsewhere"));
        context(other, "x", "unix:///run/x.sock", false);
        currentContext(other, "x");
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of("DOCKER_CONFIG", other.toString()), home);
        assertThat(endpoint.host()).hasToString("unix:///run/x.sock");
        assertThat(endpoint.configDir()).isEqualTo(other);
    }

    @Test
    void missingContextFailsWithTheCliMessage() {
        String id = DockerEndpoint.contextId("foo");
        assertThatThrownBy(() -> DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "foo"), home))
            .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
            .hasMessage("Failed to initialize: unable to resolve docker endpoint: context \"foo\": context not "
                + "found: open " + dockerDir.resolve("contexts/meta/" + id + "/meta.json")
                + ": no such file or directory");
    }

    @Test
    void contextWithoutDockerEndpointFails() throws IOException {
        Path meta = Files.createDirectories(dockerDir.resolve("contexts/meta").resolve(DockerEndpoint.contextId("k")));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"k\",\"Endpoints\":{\"kubernetes\":{}}}");
        assertThatThrownBy(() -> DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "k"), home))
            .hasMessage("Failed to initialize: unable to resolve docker endpoint: "
                + "cannot find docker endpoint in context");
    }

    @Test
    void malformedConfigFileIsAWarningNotAnError() throws IOException {
        Files.writeString(dockerDir.resolve("config.json"), "{bad");
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of(), home);
        assertThat(endpoint.host()).hasToString("unix:///var/run/docker.sock");
        assertThat(endpoint.warnings()).singleElement().asString()
            .startsWith("Error loading config file: " + dockerDir.resolve("config.json") + ": ");
    }

    @Test
    void contextTlsFilesTurnTlsOnWithVerification() throws IOException {
        tlsFiles(context(dockerDir, "secure", "tcp://h:2376", false), "ca.pem", "cert.pem", "key.pem");
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "secure"), home);
        TlsMaterial tls = endpoint.tls().orElseThrow();
        assertThat(tls.skipVerify()).isFalse();
        assertThat(tls.ca()).isPresent();
        assertThat(tls.cert()).isPresent();
        assertThat(tls.key()).isPresent();
    }

    @Test
    void contextSkipTlsVerifyAloneTurnsInsecureTlsOn() throws IOException {
        context(dockerDir, "insecure", "tcp://h:2376", true);
        TlsMaterial tls = DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "insecure"), home).tls().orElseThrow();
        assertThat(tls.skipVerify()).isTrue();
        assertThat(tls.ca()).isEmpty();
    }

    @Test
    void contextWithoutTlsIsPlain() throws IOException {
        context(dockerDir, "plain", "tcp://h:2375", false);
        assertThat(DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "plain"), home).tls()).isEmpty();
    }

    @Test
    void unixSocketsNeverUseTls() throws IOException {
        tlsFiles(context(dockerDir, "sock", "unix:///run/d.sock", true), "ca.pem");
        assertThat(DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "sock"), home).tls()).isEmpty();
    }

    @Test
    void tlsVerifyReadsCertPathAndDefaultsToPort2376() throws IOException {
        Path certs = home.resolve("certs");
        tlsFiles(certs, "ca.pem", "cert.pem", "key.pem");
        DockerEndpoint endpoint = DockerEndpoint.resolve(
            Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString()), home);
        assertThat(endpoint.host()).hasToString("tcp://localhost:2376");
        TlsMaterial tls = endpoint.tls().orElseThrow();
        assertThat(tls.skipVerify()).isFalse();
        assertThat(tls.cert()).isPresent();
    }

    @Test
    void anyNonEmptyTlsVerifyValueTurnsVerificationOn() throws IOException {
        tlsFiles(dockerDir, "ca.pem");
        DockerEndpoint endpoint = DockerEndpoint.resolve(
            Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "0"), home);
        assertThat(endpoint.tls().orElseThrow().skipVerify()).isFalse();
        assertThat(endpoint.tls().orElseThrow().cert()).isEmpty(); // missing cert/key files are skipped
    }

    @Test
    void dockerTlsWithoutVerifySkipsVerification() throws IOException {
        tlsFiles(dockerDir, "ca.pem");
        DockerEndpoint endpoint = DockerEndpoint.resolve(Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS", "1"),
            home);
        assertThat(endpoint.tls().orElseThrow().skipVerify()).isTrue();
    }

    @Test
    void tlsWithoutCaFileFailsLikeTheCli() {
        Path certs = home.resolve("nowhere");
        assertThatThrownBy(() -> DockerEndpoint.resolve(
            Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString()),
            home))
            .hasMessage("Failed to initialize: unable to resolve docker endpoint: open " + certs.resolve("ca.pem")
                + ": no such file or directory");
    }

    @Test
    void certPathDefaultsToTheConfigDirectory() throws IOException {
        Path other = Files.createDirectories(home.resolve("cfg"));
        tlsFiles(other, "ca.pem");
        DockerEndpoint endpoint = DockerEndpoint.resolve(
            Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "1", "DOCKER_CONFIG", other.toString()), home);
        assertThat(endpoint.tls()).isPresent();
    }

    @Test
    void tlsSettingsAreIgnoredForANamedContext() throws IOException {
        context(dockerDir, "plain", "tcp://h:2375", false);
        DockerEndpoint endpoint = DockerEndpoint.resolve(
            Map.of("DOCKER_CONTEXT", "plain", "DOCKER_TLS_VERIFY", "1"), home);
        assertThat(endpoint.tls()).isEmpty();
    }

    @Test
    void sshHostIsRefusedClearly() {
        assertThatThrownBy(() -> DockerEndpoint.resolve(Map.of("DOCKER_HOST", "ssh://me@box"), home))
            .isInstanceOf(ComposeException.class)
            .hasMessageStartingWith("Failed to initialize: unable to resolve docker endpoint: "
                + "ssh:// daemon hosts are not supported by compose4j");
    }

    @Test
    void sshContextIsRefusedClearly() throws IOException {
        context(dockerDir, "remote", "ssh://me@box", false);
        assertThatThrownBy(() -> DockerEndpoint.resolve(Map.of("DOCKER_CONTEXT", "remote"), home))
            .hasMessageContaining("ssh:// daemon hosts are not supported");
    }

    @Test
    void invalidDockerHostFailsWithTheCliMessage() {
        assertThatThrownBy(() -> DockerEndpoint.resolve(Map.of("DOCKER_HOST", "foo://x"), home))
            .hasMessage("Failed to initialize: unable to resolve docker endpoint: invalid bind address format: foo://x");
    }

    @Test
    void apiVersionOverrideIsKept() {
        assertThat(DockerEndpoint.resolve(Map.of("DOCKER_API_VERSION", "1.41"), home).apiVersionOverride())
            .contains("1.41");
        assertThat(DockerEndpoint.resolve(Map.of(), home).apiVersionOverride()).isEmpty();
    }
}
