package io.github.compose4j.engine.docker;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS settings of a daemon endpoint: optional CA, client certificate and key (PEM bytes, as found in
 * {@code ca.pem}, {@code cert.pem}, {@code key.pem}), and whether server verification is skipped. Like the docker
 * CLI, a client certificate is only used when both cert and key are present, and without a CA the JDK's default
 * trust store applies.
 */
public final class TlsMaterial {
    private static final char[] NO_PASSWORD = new char[0];

    private final byte[] ca;
    private final byte[] cert;
    private final byte[] key;
    private final boolean skipVerify;

    public TlsMaterial(byte[] ca, byte[] cert, byte[] key, boolean skipVerify) {
        this.ca = ca == null ? null : ca.clone();
        this.cert = cert == null ? null : cert.clone();
        this.key = key == null ? null : key.clone();
        this.skipVerify = skipVerify;
    }

    public Optional<byte[]> ca() {
        return Optional.ofNullable(ca).map(byte[]::clone);
    }

    public Optional<byte[]> cert() {
        return Optional.ofNullable(cert).map(byte[]::clone);
    }

    public Optional<byte[]> key() {
        return Optional.ofNullable(key).map(byte[]::clone);
    }

    /** True when the server certificate and name are not checked (DOCKER_TLS without DOCKER_TLS_VERIFY). */
    public boolean skipVerify() {
        return skipVerify;
    }

    /**
     * Builds the JDK context. Errors (bad PEM, mismatched key) surface here, with the CLI's phrasing where it has one.
     *
     * @throws IllegalArgumentException when the material is unusable
     */
    public SSLContext sslContext() {
        try {
            KeyManager[] keyManagers = null;
            if (cert != null && key != null) {
                List<X509Certificate> chain = Pem.certificates(cert);
                PrivateKey privateKey = Pem.privateKey(key);
                KeyStore keyStore = emptyKeyStore();
                keyStore.setKeyEntry("client", privateKey, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, NO_PASSWORD);
                keyManagers = kmf.getKeyManagers();
            }
            TrustManager[] trustManagers = null;
            if (skipVerify) {
                trustManagers = new TrustManager[] {new TrustAll()};
            } else if (ca != null) {
                List<X509Certificate> cas;
                try {
                    cas = Pem.certificates(ca);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("failed to retrieve context tls info: ca.pem seems invalid", e);
                }
                KeyStore trustStore = emptyKeyStore();
                for (int i = 0; i < cas.size(); i++) {
                    trustStore.setCertificateEntry("ca" + i, cas.get(i));
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStore);
                trustManagers = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("failed to retrieve context tls info: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    /** Accepts any server: only ever installed when the user turned verification off. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
