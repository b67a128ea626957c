package io.github.compose4j.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import io.github.compose4j.error.ComposeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The transport against an in-process TLS server that requires a client certificate signed by the test CA. */
@Timeout(30)
class TlsTransportTest {
    @TempDir
    Path home;

    private SSLServerSocket server;
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", Pem.privateKey(TestPems.bytes("server-key.pem")), new char[0],
            Pem.certificates(TestPems.bytes("server.pem")).toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", Pem.certificates(TestPems.bytes("ca.pem")).get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = (SSLServerSocket) context.getServerSocketFactory()
            .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    SSLSocket socket = (SSLSocket) server.accept();
                    Thread t = new Thread(() -> serve(socket));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(SSLSocket socket) {
        try (socket) {
            socket.startHandshake();
            clientSubjects.add(((X509Certificate) socket.getSession().getPeerCertificates()[0])
                .getSubjectX500Principal().getName());
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (FakeDaemon.readRequest(in, 1) != null) {
                out.write("HTTP/1.1 200 OK\r\nApi-Version: 1.43\r\nContent-Length: 2\r\n\r\nOK"
                    .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // handshake refused or client gone
        }
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private DockerEndpoint endpoint(String ca, String cert, String key, boolean verify) throws IOException {
        Path certs = Files.createDirectories(home.resolve("certs"));
        Files.write(certs.resolve("ca.pem"), TestPems.bytes(ca));
        Files.write(certs.resolve("cert.pem"), TestPems.bytes(cert));
        Files.write(certs.resolve("key.pem"), TestPems.bytes(key));
        return DockerEndpoint.resolve(Map.of(
            "DOCKER_HOST", "tcp://127.0.0.1:" + server.getLocalPort(),
            verify ? "DOCKER_TLS_VERIFY" : "DOCKER_TLS", "1",
            "DOCKER_CERT_PATH", certs.toString()), home);
    }

    private static String ping(JdkDockerHttpClient client) throws IOException {
        try (Response response = client.execute(Request.builder().method(Request.Method.GET).path("/_ping").build())) {
            return response.getHeader("Api-Version") + " " + new String(response.getBody().readAllBytes());
        }
    }

    @Test
    void verifiedTlsWithRsaPkcs1ClientKey() throws Exception {
        try (JdkDockerHttpClient client = JdkDockerHttpClient.create(
            endpoint("ca.pem", "client-rsa.pem", "client-rsa-key-pkcs1.pem", true))) {
            assertThat(ping(client)).isEqualTo("1.43 OK");
            assertThat(ping(client)).isEqualTo("1.43 OK");
        }
        assertThat(clientSubjects).containsExactly("CN=client-rsa"); // one connection, kept alive
    }

    @Test
    void verifiedTlsWithEcSec1ClientKey() throws Exception {
        try (JdkDockerHttpClient client = JdkDockerHttpClient.create(
            endpoint("ca.pem", "client-ec.pem", "client-ec-key-sec1.pem", true))) {
            assertThat(ping(client)).isEqualTo("1.43 OK");
        }
        assertThat(clientSubjects).containsExactly("CN=client-ec");
    }

    @Test
    void serverSignedByAnotherCaIsRejected() throws Exception {
        try (JdkDockerHttpClient client = JdkDockerHttpClient.create(
            endpoint("other-ca.pem", "client-rsa.pem", "client-rsa-key-pkcs8.pem", true))) {
            assertThatThrownBy(() -> ping(client))
                .isInstanceOf(ComposeException.class)
                .hasMessageStartingWith("error during connect: GET \"https://127.0.0.1:");
        }
    }

    @Test
    void skippingVerificationAcceptsAnyServer() throws Exception {
        try (JdkDockerHttpClient client = JdkDockerHttpClient.create(
            endpoint("other-ca.pem", "client-rsa.pem", "client-rsa-key-pkcs8.pem", false))) {
            assertThat(ping(client)).isEqualTo("1.43 OK");
        }
    }

    @Test
    void negotiatesOverTls() throws Exception {
        try (DockerConnection connection = DockerClients.connect(
            endpoint("ca.pem", "client-rsa.pem", "client-rsa-key-pkcs1.pem", true))) {
            assertThat(connection.apiVersion().getVersion()).isEqualTo("1.43");
        }
    }
}
