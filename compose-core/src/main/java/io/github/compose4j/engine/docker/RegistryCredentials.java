package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.compose4j.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Registry credentials the way the docker CLI finds them in {@code config.json} of its config directory:
 * a credential helper named for the registry in {@code credHelpers}, else the {@code credsStore} helper,
 * else the {@code auths} entry (its base64 {@code auth}, or {@code username}/{@code password}, and
 * {@code identitytoken}). Helpers are run with the {@code docker-credential-<name> get} protocol: the
 * registry on stdin, a JSON object ({@code ServerURL}, {@code Username}, {@code Secret}) on stdout.
 * The file is read on the first lookup. Thread-safe.
 */
final class RegistryCredentials {
    /** The user name a helper answers with when its secret is an identity token. */
    private static final String TOKEN_USER = "<token>";
    private static final String NOT_FOUND = "credentials not found in native keychain";

    private final Path configDir;
    private final Function<String, String> helperCommand;
    private volatile JsonNode config;

    /**
     * @param helperCommand the command that runs a helper, from its name ({@code test} to
     *                      {@code docker-credential-test}, found on the process's PATH)
     */
    RegistryCredentials(Path configDir, Function<String, String> helperCommand) {
        this.configDir = configDir;
        this.helperCommand = helperCommand;
    }

    static RegistryCredentials of(Path configDir) {
        return new RegistryCredentials(configDir, name -> "docker-credential-" + name);
    }

    /** The credentials for the registry of an image reference; {@link RegistryAuth#NONE} when there are none. */
    RegistryAuth forImage(String reference) {
        return forKey(RegistryKey.of(reference));
    }

    /**
     * The credentials of every registry the configuration names ({@code auths} and {@code credHelpers} entries),
     * by key, for a build that may pull from any of them; registries without credentials are left out.
     */
    Map<String, RegistryAuth> all() {
        JsonNode file = config();
        java.util.Set<String> keys = new java.util.TreeSet<>();
        file.path("auths").fieldNames().forEachRemaining(keys::add);
        file.path("credHelpers").fieldNames().forEachRemaining(keys::add);
        Map<String, RegistryAuth> out = new java.util.LinkedHashMap<>();
        for (String key : keys) {
            RegistryAuth auth = forKey(key);
            if (!(auth.username() + auth.password() + auth.identityToken() + auth.registryToken()).isEmpty()) {
                out.put(key, auth.serverAddress().isEmpty() ? auth.withServerAddress(key) : auth);
            }
        }
        return out;
    }

    RegistryAuth forKey(String key) {
        JsonNode file = config();
        JsonNode helper = file.path("credHelpers").path(key);
        if (helper.isTextual() && !helper.asText().isEmpty()) {
            return fromHelper(helper.asText(), key);
        }
        JsonNode store = file.path("credsStore");
        if (store.isTextual() && !store.asText().isEmpty()) {
            // The docker CLI keeps the e-mail of an entry in the file even when a store holds the secret.
            String email = fromFile(file, key).email();
            return fromHelper(store.asText(), key).withEmail(email);
        }
        return fromFile(file, key);
    }

    private static RegistryAuth fromFile(JsonNode file, String key) {
        JsonNode auths = file.path("auths");
        JsonNode entry = auths.path(key);
        String found = key;
        if (!entry.isObject()) {
            entry = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (RegistryKey.hostOfKey(e.getKey()).equals(key) && e.getValue().isObject()) {
                    entry = e.getValue();
                    found = e.getKey();
                    break;
                }
            }
            if (entry == null) {
                return RegistryAuth.NONE;
            }
        }
        String username = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new EngineException(EngineException.Kind.INVALID,
                    "invalid auth configuration for " + found + " in the docker config file");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new EngineException(EngineException.Kind.INVALID,
                    "invalid auth configuration for " + found + " in the docker config file");
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1).strip();
        }
        return new RegistryAuth(username, password, entry.path("email").asText(""), found,
            entry.path("identitytoken").asText(""), entry.path("registrytoken").asText(""));
    }

    private RegistryAuth fromHelper(String name, String key) {
        String program = helperCommand.apply(name);
        Process process;
        try {
            process = new ProcessBuilder(List.of(program, "get")).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.OTHER, "error getting credentials - err: exec: \""
                + program + "\": executable file not found in $PATH, out: ``", e);
        }
        byte[] out;
        int exit;
        try (InputStream stdout = process.getInputStream()) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(key.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // A helper may answer (or fail) without reading the registry: its output and status tell.
            }
            out = stdout.readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EngineException(EngineException.Kind.OTHER, "error getting credentials - err: "
                    + program + " did not exit");
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.OTHER, "error getting credentials - err: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new EngineException(EngineException.Kind.OTHER, "interrupted while getting credentials", e);
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        if (exit != 0) {
            if (text.equals(NOT_FOUND)) {
                return RegistryAuth.NONE;
            }
            // A failing helper prints its error on stdout, never the secret it could not give.
            throw new EngineException(EngineException.Kind.OTHER,
                "error getting credentials - err: exit status " + exit + ", out: `" + text + "`");
        }
        JsonNode reply;
        try {
            reply = EngineJson.read(text);
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.OTHER,
                "error getting credentials - err: the reply of " + program + " is not JSON");
        }
        String username = reply.path("Username").asText("");
        String secret = reply.path("Secret").asText("");
        if (username.equals(TOKEN_USER)) {
            return new RegistryAuth("", "", "", key, secret, "");
        }
        return new RegistryAuth(username, secret, "", key, "", "");
    }

    private JsonNode config() {
        JsonNode file = config;
        if (file == null) {
            Path path = configDir.resolve("config.json");
            try {
                file = EngineJson.read(Files.readAllBytes(path));
            } catch (NoSuchFileException e) {
                file = EngineJson.NODES.objectNode();
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                // The parser's message quotes the file, which holds secrets.
                throw new EngineException(EngineException.Kind.INVALID, "loading config file: " + path
                    + ": invalid JSON at line " + e.getLocation().getLineNr(), e);
            } catch (IOException e) {
                throw new EngineException(EngineException.Kind.INVALID,
                    "loading config file: " + path + ": " + e.getMessage(), e);
            }
            config = file;
        }
        return file;
    }
}
