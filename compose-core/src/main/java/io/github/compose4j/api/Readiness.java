package io.github.compose4j.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Waits until services are ready the way Compose judges a dependency: healthy where a health check exists,
 * exited with 0 for a one-shot service, else running. A service that exits with an error or turns unhealthy
 * fails at once rather than at the timeout.
 */
final class Readiness {
    private static final int LOG_LINES = 20;
    private static final int HEALTH_PROBES = 5;

    private final ComposeProject project;

    Readiness(ComposeProject project) {
        this.project = project;
    }

    void await(List<String> services, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 20;
        while (true) {
            List<ServiceContainer> containers = project.ps();
            Optional<ServiceContainer> waiting = Optional.empty();
            for (ServiceContainer c : containers) {
                if (!services.contains(c.service())) {
                    continue;
                }
                switch (verdict(c)) {
                    case FAILED -> throw notReady(c, "is not ready: " + state(c));
                    case WAITING -> waiting = waiting.or(() -> Optional.of(c));
                    case READY -> { }
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw notReady(waiting.get(), "is not ready after " + timeout.toMillis() / 1000.0 + " s: "
                        + state(waiting.get()));
            }
            sleep(pause);
            pause = Math.min(200, pause * 2);
        }
    }

    enum Verdict { READY, WAITING, FAILED }

    static Verdict verdict(ServiceContainer c) {
        if (c.health().isPresent() && c.running()) {
            return switch (c.health().get()) {
                case "healthy" -> Verdict.READY;
                case "unhealthy" -> Verdict.FAILED;
                default -> Verdict.WAITING;
            };
        }
        return switch (c.state()) {
            case "running" -> Verdict.READY;
            case "exited" -> c.exitCode() == 0 ? Verdict.READY : Verdict.FAILED;
            case "dead", "removing" -> Verdict.FAILED;
            default -> Verdict.WAITING;
        };
    }

    private static String state(ServiceContainer c) {
        String s = c.state() + (c.state().equals("exited") ? " with code " + c.exitCode() : "");
        return s + c.health().map(h -> ", " + h).orElse("");
    }

    private NotReadyException notReady(ServiceContainer c, String what) {
        StringBuilder m = new StringBuilder("service \"").append(c.service()).append("\" ").append(what);
        m.append("\n  container ").append(c.name()).append(" (").append(c.id(), 0, Math.min(12, c.id().length()))
                .append(')');
        List<String> health = project.healthLog(c.id());
        if (!health.isEmpty()) {
            m.append("\n  health log (last ").append(Math.min(HEALTH_PROBES, health.size())).append("):");
            for (String probe : health.subList(Math.max(0, health.size() - HEALTH_PROBES), health.size())) {
                m.append("\n    ").append(probe);
            }
        }
        String logs = project.output(c.id(), LOG_LINES);
        List<String> lines = new ArrayList<>(logs.lines().toList());
        m.append("\n  last log lines (").append(lines.size()).append("):");
        lines.forEach(l -> m.append("\n    | ").append(l));
        return new NotReadyException(c.service(), m.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.github.compose4j.error.ComposeException(io.github.compose4j.error.Failure.CANCELED,
                    "interrupted while waiting for the services");
        }
    }
}
