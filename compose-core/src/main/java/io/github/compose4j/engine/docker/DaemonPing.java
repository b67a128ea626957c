package io.github.compose4j.engine.docker;

import java.util.Optional;

/**
 * What the daemon says about itself in the headers of {@code GET /_ping}.
 *
 * @param apiVersion     the daemon's highest API version ({@code API-Version}), empty for very old daemons
 * @param osType         {@code OSType}: "linux" or "windows", empty if not sent
 * @param experimental   {@code Docker-Experimental: true}
 * @param builderVersion {@code Builder-Version}: "1" (classic) or "2" (BuildKit), empty if not sent
 */
public record DaemonPing(Optional<String> apiVersion, Optional<String> osType, boolean experimental,
                         Optional<String> builderVersion) {
}
