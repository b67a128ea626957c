package io.github.compose4j.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link ComposeProject#up} brings the stack up.
 *
 * @param services      the services to start (with their dependencies); empty for all
 * @param waitReady     block until every service is ready: healthy where it has a health check, else exited with
 *                      0 (a one-shot service), else running; fail with a {@link NotReadyException} otherwise
 * @param timeout       how long to wait for readiness at most
 * @param forceRecreate recreate containers even when their configuration did not change
 */
public record UpSettings(List<String> services, boolean waitReady, Duration timeout, boolean forceRecreate) {
    public UpSettings {
        services = List.copyOf(services);
        Objects.requireNonNull(timeout);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the readiness timeout must be positive: " + timeout);
        }
    }

    /** All services, waiting up to two minutes until they are ready, unchanged containers kept. */
    public static UpSettings defaults() {
        return new UpSettings(List.of(), true, Duration.ofMinutes(2), false);
    }

    /** These settings for these services only (with their dependencies). */
    public UpSettings withServices(String... services) {
        return new UpSettings(List.of(services), waitReady, timeout, forceRecreate);
    }

    /** These settings, waiting for readiness or not. */
    public UpSettings withWaitReady(boolean wait) {
        return new UpSettings(services, wait, timeout, forceRecreate);
    }

    /** These settings with another readiness timeout. */
    public UpSettings withTimeout(Duration timeout) {
        return new UpSettings(services, waitReady, timeout, forceRecreate);
    }

    /** These settings, recreating unchanged containers too or not. */
    public UpSettings withForceRecreate(boolean force) {
        return new UpSettings(services, waitReady, timeout, force);
    }
}
