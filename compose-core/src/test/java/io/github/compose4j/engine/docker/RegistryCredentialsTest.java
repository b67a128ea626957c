package io.github.compose4j.engine.docker;

import io.github.compose4j.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void dockerHubImagesUseTheIndexKey() {
        assertThat(RegistryKey.of("busybox")).isEqualTo("https://index.docker.io/v1/");
        assertThat(RegistryKey.of("library/busybox:1")).isEqualTo("https://index.docker.io/v1/");
        assertThat(RegistryKey.of("docker.io/me/app")).isEqualTo("https://index.docker.io/v1/");
        assertThat(RegistryKey.of("index.docker.io/me/app")).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void otherRegistriesUseTheirHostAndPort() {
        assertThat(RegistryKey.of("127.0.0.1:5000/busybox:latest")).isEqualTo("127.0.0.1:5000");
        assertThat(RegistryKey.of("localhost/app")).isEqualTo("localhost");
        assertThat(RegistryKey.of("ghcr.io/me/app@sha256:abc")).isEqualTo("ghcr.io");
    }

    @Test
    void anAuthEntryIsDecodedIntoUserAndPassword() throws IOException {
        config("{\"auths\": {\"reg.example:5000\": {\"auth\": \"" + base64("me:se:cret") + "\"}}}");

        RegistryAuth auth = credentials().forImage("reg.example:5000/app:1");

        assertThat(auth).isEqualTo(new RegistryAuth("me", "se:cret", "", "reg.example:5000", "", ""));
    }

    @Test
    void anEntryKeyedByUrlMatchesItsHost() throws IOException {
        config("{\"auths\": {\"https://reg.example/v2/\": {\"username\": \"u\", \"password\": \"p\"}}}");

        RegistryAuth auth = credentials().forImage("reg.example/app");

        assertThat(auth.username()).isEqualTo("u");
        assertThat(auth.serverAddress()).isEqualTo("https://reg.example/v2/");
    }

    @Test
    void anIdentityTokenIsPassedOn() throws IOException {
        config("{\"auths\": {\"https://index.docker.io/v1/\": {\"identitytoken\": \"tok\"}}}");

        assertThat(credentials().forImage("busybox").identityToken()).isEqualTo("tok");
    }

    @Test
    void noEntryAndNoFileMeanNoCredentials() throws IOException {
        assertThat(credentials().forImage("busybox")).isEqualTo(RegistryAuth.NONE);
        config("{\"auths\": {\"other.example\": {\"auth\": \"" + base64("a:b") + "\"}}}");
        assertThat(credentials().forImage("reg.example/app")).isEqualTo(RegistryAuth.NONE);
    }

    @Test
    void theHeaderIsBase64UrlJsonOfTheSetFields() {
        String header = new RegistryAuth("me", "pw", "", "reg", "", "").header();

        assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
            .isEqualTo("{\"username\":\"me\",\"password\":\"pw\",\"serveraddress\":\"reg\"}");
        assertThat(RegistryAuth.NONE.header()).isEqualTo("e30=");
    }

    @Test
    void aBuildCarriesTheCredentialsOfEveryConfiguredRegistry() throws IOException {
        helper("printf '{\"ServerURL\":\"%s\",\"Username\":\"bob\",\"Secret\":\"s3\"}' \"$(cat)\"");
        config("{\"credHelpers\": {\"helped.example\": \"test\"}, \"auths\": {\"reg.example:5000\": {\"auth\": \""
            + base64("me:pw") + "\"}, \"empty.example\": {}}}");

        String header = RegistryAuth.configHeader(credentials().all());

        assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8)).isEqualTo(
            "{\"helped.example\":{\"username\":\"bob\",\"password\":\"s3\",\"serveraddress\":\"helped.example\"},"
                + "\"reg.example:5000\":{\"username\":\"me\",\"password\":\"pw\",\"serveraddress\":\"reg.example:5000\"}}");
        assertThat(RegistryAuth.configHeader(java.util.Map.of())).isEmpty();
    }

    @Test
    void theTextFormNeverShowsTheSecret() {
        assertThat(new RegistryAuth("me", "hunter2", "", "reg", "tok", "").toString())
            .doesNotContain("hunter2").doesNotContain("tok");
    }

    @Test
    void aCredHelperAnswersForItsRegistry() throws IOException {
        helper("printf '{\"ServerURL\":\"%s\",\"Username\":\"bob\",\"Secret\":\"s3\"}' \"$(cat)\"");
        config("{\"credHelpers\": {\"reg.example\": \"test\"}, \"auths\": {\"reg.example\": {\"auth\": \""
            + base64("file:user") + "\"}}}");

        RegistryAuth auth = credentials().forImage("reg.example/app");

        assertThat(auth).isEqualTo(new RegistryAuth("bob", "s3", "", "reg.example", "", ""));
    }

    @Test
    void theCredsStoreHelperIsAskedWithTheRegistryKey() throws IOException {
        helper("read s; printf '{\"ServerURL\":\"%s\",\"Username\":\"<token>\",\"Secret\":\"idt\"}' \"$s\"");
        config("{\"credsStore\": \"test\"}");

        RegistryAuth auth = credentials().forImage("busybox");

        assertThat(auth.identityToken()).isEqualTo("idt");
        assertThat(auth.serverAddress()).isEqualTo("https://index.docker.io/v1/");
        assertThat(auth.username()).isEmpty();
    }

    @Test
    void aHelperThatKnowsNothingMeansNoCredentials() throws IOException {
        helper("echo 'credentials not found in native keychain'; exit 1");
        config("{\"credsStore\": \"test\"}");

        assertThat(credentials().forImage("reg.example/app")).isEqualTo(RegistryAuth.NONE);
    }

    @Test
    void aFailingHelperIsAnError() throws IOException {
        helper("echo 'keychain locked'; exit 3");
        config("{\"credsStore\": \"test\"}");

        assertThatThrownBy(() -> credentials().forImage("reg.example/app"))
            .isInstanceOf(EngineException.class)
            .hasMessage("error getting credentials - err: exit status 3, out: `keychain locked`");
    }

    @Test
    void anUnparsableConfigIsReportedWithoutItsContent() throws IOException {
        config("{\"auths\": {\"reg\": {\"auth\": \"c2VjcmV0\"} ");

        assertThatThrownBy(() -> credentials().forImage("reg/app"))
            .isInstanceOf(EngineException.class)
            .hasMessageNotContaining("c2VjcmV0");
    }

    private RegistryCredentials credentials() {
        return new RegistryCredentials(dir, name -> dir.resolve("docker-credential-" + name).toString());
    }

    private void config(String json) throws IOException {
        Files.writeString(dir.resolve("config.json"), json);
    }

    private void helper(String body) throws IOException {
        Path script = dir.resolve("docker-credential-test");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = get ] || exit 9\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
