package io.github.compose4j.engine.docker;

/**
 * The key the docker CLI files a registry's credentials under, for an image reference: the registry host
 * (with its port) of the reference, or {@code https://index.docker.io/v1/} for Docker Hub, whose images
 * may name no registry at all ({@code busybox}, {@code library/busybox}, {@code docker.io/...}).
 */
final class RegistryKey {
    static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private RegistryKey() {
    }

    static String of(String reference) {
        return keyOfHost(host(reference));
    }

    /** The registry host a reference names, {@code docker.io} when it names none. */
    static String host(String reference) {
        int slash = reference.indexOf('/');
        if (slash < 0) {
            return "docker.io";
        }
        String first = reference.substring(0, slash);
        // Only a first component that looks like a host (a dot, a port, or localhost) names a registry.
        boolean isHost = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (!isHost) {
            return "docker.io";
        }
        return first.equals("index.docker.io") ? "docker.io" : first;
    }

    static String keyOfHost(String host) {
        return host.equals("docker.io") ? DOCKER_HUB : host;
    }

    /** A key as written in {@code auths} reduced to a host: without scheme and path (old config files). */
    static String hostOfKey(String key) {
        String host = key;
        if (host.startsWith("http://")) {
            host = host.substring("http://".length());
        } else if (host.startsWith("https://")) {
            host = host.substring("https://".length());
        }
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }
}
