package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The credentials for one registry, as the docker CLI hands them to the engine. Its {@link #toString()}
 * never shows a secret.
 */
record RegistryAuth(String username, String password, String email, String serverAddress, String identityToken,
                    String registryToken) {
    static final RegistryAuth NONE = new RegistryAuth("", "", "", "", "", "");

    RegistryAuth withServerAddress(String address) {
        return new RegistryAuth(username, password, email, address, identityToken, registryToken);
    }

    RegistryAuth withEmail(String mail) {
        return new RegistryAuth(username, password, mail, serverAddress, identityToken, registryToken);
    }

    /** The {@code X-Registry-Auth} header value: the JSON of the non-empty fields, base64url-encoded. */
    String header() {
        return Base64.getUrlEncoder().encodeToString(EngineJson.writeString(json()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code X-Registry-Config} header of a build: every registry's credentials by its key, as the JSON of
     * their non-empty fields, base64url-encoded; empty when there are none.
     */
    static String configHeader(java.util.Map<String, RegistryAuth> byRegistry) {
        if (byRegistry.isEmpty()) {
            return "";
        }
        ObjectNode all = EngineJson.NODES.objectNode();
        new java.util.TreeMap<>(byRegistry).forEach((key, auth) -> all.set(key, auth.json()));
        return Base64.getUrlEncoder().encodeToString(EngineJson.writeString(all).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode json() {
        ObjectNode json = EngineJson.NODES.objectNode();
        put(json, "username", username);
        put(json, "password", password);
        put(json, "email", email);
        put(json, "serveraddress", serverAddress);
        put(json, "identitytoken", identityToken);
        put(json, "registrytoken", registryToken);
        return json;
    }

    private static void put(ObjectNode json, String key, String value) {
        if (!value.isEmpty()) {
            json.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "RegistryAuth[" + serverAddress + ", user " + (username.isEmpty() ? "none" : username) + "]";
    }
}
