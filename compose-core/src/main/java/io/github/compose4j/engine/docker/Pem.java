package io.github.compose4j.engine.docker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads the PEM files of a docker TLS setup with the JDK alone: certificates, and private keys in PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) form. The JDK only
 * decodes PKCS#8, so the two legacy forms are wrapped into a PKCS#8 structure first.
 */
public final class Pem {
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private Pem() {
    }

    /** One {@code -----BEGIN type-----} block: its headers (RFC 1421 style) and decoded bytes. */
    record Block(String type, List<String> headers, byte[] der) {
    }

    static List<Block> blocks(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        List<Block> out = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", pos);
            if (begin < 0) {
                return out;
            }
            int typeEnd = text.indexOf("-----", begin + 11);
            if (typeEnd < 0) {
                return out;
            }
            String type = text.substring(begin + 11, typeEnd);
            String endMarker = "-----END " + type + "-----";
            int end = text.indexOf(endMarker, typeEnd);
            if (end < 0) {
                throw new IllegalArgumentException("PEM block " + type + " has no END line");
            }
            List<String> headers = new ArrayList<>();
            StringBuilder base64 = new StringBuilder();
            for (String line : text.substring(typeEnd + 5, end).split("\r?\n")) {
                String l = line.strip();
                if (l.contains(":")) {
                    headers.add(l);
                } else {
                    base64.append(l);
                }
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block " + type + " is not valid base64", e);
            }
            out.add(new Block(type, List.copyOf(headers), der));
            pos = end + endMarker.length();
        }
    }

    /** All certificates of a PEM file, in order. */
    public static List<X509Certificate> certificates(byte[] pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certs = new ArrayList<>();
            for (Block block : blocks(pem)) {
                if (block.type().equals("CERTIFICATE")) {
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate found in PEM data");
            }
            return List.copyOf(certs);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("invalid certificate: " + e.getMessage(), e);
        }
    }

    /** The first private key of a PEM file. */
    public static PrivateKey privateKey(byte[] pem) {
        List<Block> blocks = blocks(pem);
        byte[] ecParameters = null;
        for (Block block : blocks) {
            if (block.type().equals("EC PARAMETERS")) {
                ecParameters = block.der();
            }
        }
        for (Block block : blocks) {
            if (!block.type().endsWith("PRIVATE KEY")) {
                continue;
            }
            if (block.type().equals("ENCRYPTED PRIVATE KEY")
                || block.headers().stream().anyMatch(h -> h.startsWith("Proc-Type:") && h.contains("ENCRYPTED"))) {
                // Same refusal and wording as the docker CLI.
                throw new IllegalArgumentException("private key is encrypted - support for encrypted private keys "
                    + "has been removed, see https://docs.docker.com/go/deprecated/");
            }
            return switch (block.type()) {
                case "PRIVATE KEY" -> decodePkcs8(block.der(), "RSA", "EC", "Ed25519", "Ed448", "DSA");
                case "RSA PRIVATE KEY" -> decodePkcs8(wrapPkcs8(RSA_ALGORITHM, block.der()), "RSA");
                case "EC PRIVATE KEY" -> decodePkcs8(wrapSec1(block.der(), ecParameters), "EC");
                default -> throw new IllegalArgumentException("unsupported private key type " + block.type());
            };
        }
        throw new IllegalArgumentException("no valid private key found");
    }

    private static PrivateKey decodePkcs8(byte[] pkcs8, String... algorithms) {
        GeneralSecurityException last = null;
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException("invalid private key: " + last.getMessage(), last);
    }

    /** SEC1 keys name their curve in the optional [0] field; without it the file's EC PARAMETERS block does. */
    private static byte[] wrapSec1(byte[] sec1, byte[] ecParametersBlock) {
        byte[] curve = ecParametersBlock;
        Der seq = Der.read(sec1, 0);
        if (seq.tag != 0x30) {
            throw new IllegalArgumentException("invalid EC private key");
        }
        int pos = seq.contentStart;
        while (pos < seq.end) {
            Der field = Der.read(sec1, pos);
            if (field.tag == (byte) 0xa0) {
                curve = Arrays.copyOfRange(sec1, field.contentStart, field.end);
            }
            pos = field.end;
        }
        if (curve == null) {
            throw new IllegalArgumentException("EC private key does not name its curve");
        }
        return wrapPkcs8(Der.encode(0x30, EC_PUBLIC_KEY_OID, curve), sec1);
    }

    private static byte[] wrapPkcs8(byte[] algorithmIdentifier, byte[] legacyKey) {
        return Der.encode(0x30, VERSION_0, algorithmIdentifier, Der.encode(0x04, legacyKey));
    }

    /** Just enough DER to walk one level of a SEQUENCE and to write definite-length TLVs. */
    private static final class Der {
        final byte tag;
        final int contentStart;
        final int end;

        private Der(byte tag, int contentStart, int end) {
            this.tag = tag;
            this.contentStart = contentStart;
            this.end = end;
        }

        static Der read(byte[] data, int pos) {
            if (pos + 2 > data.length) {
                throw new IllegalArgumentException("truncated DER data");
            }
            byte tag = data[pos];
            int first = data[pos + 1] & 0xff;
            int length;
            int start = pos + 2;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 3 || start + n > data.length) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (data[start + i] & 0xff);
                }
                start += n;
            }
            if (start + length > data.length) {
                throw new IllegalArgumentException("truncated DER data");
            }
            return new Der(tag, start, start + length);
        }

        static byte[] encode(int tag, byte[]... parts) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                content.writeBytes(p);
            }
            int len = content.size();
            ByteArrayOutputStream out = new ByteArrayOutputStream(len + 6);
            out.write(tag);
            if (len < 0x80) {
                out.write(len);
            } else if (len < 0x100) {
                out.write(0x81);
                out.write(len);
            } else if (len < 0x10000) {
                out.write(0x82);
                out.write(len >> 8);
                out.write(len);
            } else {
                out.write(0x83);
                out.write(len >> 16);
                out.write(len >> 8);
                out.write(len);
            }
            out.writeBytes(content.toByteArray());
            return out.toByteArray();
        }
    }
}
