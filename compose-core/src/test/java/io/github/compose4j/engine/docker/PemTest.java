package io.github.compose4j.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemTest {
    private static boolean signsFor(PrivateKey key, X509Certificate cert, String algorithm) throws Exception {
        byte[] data = "compose4j".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "client-rsa-key-pkcs8.pem,        client-rsa.pem, RSA, SHA256withRSA",
        "client-rsa-key-pkcs1.pem,        client-rsa.pem, RSA, SHA256withRSA",
        "client-ec-key-sec1.pem,          client-ec.pem,  EC,  SHA256withECDSA",
        "client-ec-key-sec1-params.pem,   client-ec.pem,  EC,  SHA256withECDSA",
        "server-key.pem,                  server.pem,     RSA, SHA256withRSA",
    })
    void readsEachKeyFormatIntoTheKeyOfItsCertificate(String keyFile, String certFile, String algorithm,
                                                       String signature) throws Exception {
        PrivateKey key = Pem.privateKey(TestPems.bytes(keyFile));
        X509Certificate cert = Pem.certificates(TestPems.bytes(certFile)).get(0);
        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
        assertThat(signsFor(key, cert, signature)).isTrue();
    }

    @Test
    void pkcs1AndPkcs8FormsOfOneKeyAreEqual() {
        assertThat(Pem.privateKey(TestPems.bytes("client-rsa-key-pkcs1.pem")).getEncoded())
            .isEqualTo(Pem.privateKey(TestPems.bytes("client-rsa-key-pkcs8.pem")).getEncoded());
    }

    @Test
    void refusesEncryptedKeysWithTheCliMessage() {
        assertThatThrownBy(() -> Pem.privateKey(TestPems.bytes("client-rsa-key-encrypted.pem")))
            .hasMessage("private key is encrypted - support for encrypted private keys has been removed, "
                + "see https://docs.docker.com/go/deprecated/");
        String pkcs8Encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assertThatThrownBy(() -> Pem.privateKey(pkcs8Encrypted.getBytes()))
            .hasMessageStartingWith("private key is encrypted");
    }

    @Test
    void fileWithoutKeyIsRefused() {
        assertThatThrownBy(() -> Pem.privateKey(TestPems.bytes("ca.pem"))).hasMessage("no valid private key found");
    }

    @Test
    void corruptKeyIsRefused() {
        String corrupt = "-----BEGIN RSA PRIVATE KEY-----\nMAMCAQA=\n-----END RSA PRIVATE KEY-----\n";
        assertThatThrownBy(() -> Pem.privateKey(corrupt.getBytes())).hasMessageStartingWith("invalid private key");
    }

    @Test
    void readsCertificatesInOrder() {
        byte[] both = (new String(TestPems.bytes("ca.pem")) + new String(TestPems.bytes("other-ca.pem"))).getBytes();
        List<X509Certificate> certs = Pem.certificates(both);
        assertThat(certs).extracting(c -> c.getSubjectX500Principal().getName())
            .containsExactly("CN=compose4j-test-ca", "CN=compose4j-other-ca");
    }

    @Test
    void fileWithoutCertificateIsRefused() {
        assertThatThrownBy(() -> Pem.certificates(TestPems.bytes("client-ec-key-sec1.pem")))
            .hasMessage("no certificate found in PEM data");
    }
}
