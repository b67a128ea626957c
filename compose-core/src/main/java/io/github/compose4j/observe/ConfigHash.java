package io.github.compose4j.observe;

import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.GoJson;
import io.github.compose4j.model.codec.RecordShape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code com.docker.compose.config-hash} of a service: SHA-256 of its compact JSON without the
 * attributes that do not affect a container (build, pull policy, scale). Docker Compose recreates a
 * container whose label differs, so this must match Docker Compose byte for byte.
 */
public final class ConfigHash {
    private ConfigHash() {
    }

    public static String of(Service service) {
        Service s = RecordShape.with(service, "build", Optional.empty());
        s = RecordShape.with(s, "pullPolicy", "");
        s = RecordShape.with(s, "scale", Optional.empty());
        if (s.deploy().isPresent()) {
            s = RecordShape.with(s, "deploy", Optional.of(RecordShape.with(s.deploy().get(), "replicas", Optional.empty())));
        }
        return sha256(GoJson.compact(s));
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
