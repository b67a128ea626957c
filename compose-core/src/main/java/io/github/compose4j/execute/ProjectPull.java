package io.github.compose4j.execute;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code compose pull} as Docker Compose 2.26 does it: each service's image, by its pull policy, all at once
 * (at most {@code parallelism} at a time). Services with no {@code image} are skipped, and so are those whose
 * policy is {@code never} or {@code build}, those with policy {@code missing} whose image is present with a
 * tag other than {@code latest}, and a second service of an image already being pulled. Without
 * {@code ignoreFailures} the first failure of a service that cannot be built ends the pull: the pulls still
 * going on are reported failed with it.
 */
public final class ProjectPull {
    private final Engine engine;
    private final ProgressListener listener;
    private final int parallelism;

    public ProjectPull(Engine engine, ProgressListener listener, int parallelism) {
        this.engine = engine;
        this.listener = listener;
        this.parallelism = parallelism;
    }

    public void pull(Project project, PullOptions options) {
        Map<String, Service> toPull = new LinkedHashMap<>();
        Map<String, String> pulledBy = new LinkedHashMap<>();
        for (Service s : new TreeMap<>(project.services()).values()) {
            skipReason(s, options, pulledBy).ifPresentOrElse(
                reason -> listener.event(new ProgressEvent(s.name(), ProgressEvent.Status.DONE, "", reason)),
                () -> {
                    pulledBy.put(s.image(), s.name());
                    toPull.put(s.name(), s);
                });
        }
        if (toPull.isEmpty()) {
            return;
        }
        run(project, toPull, options);
    }

    private Optional<String> skipReason(Service s, PullOptions options, Map<String, String> pulledBy) {
        if (s.image().isEmpty()) {
            return Optional.of("Skipped - No image to be pulled");
        }
        switch (s.pullPolicy()) {
            case "never", "build" -> {
                return Optional.of("Skipped");
            }
            case "missing", "if_not_present" -> {
                if (presentWithTag(s.image())) {
                    return Optional.of("Skipped - Image is already present locally");
                }
            }
            default -> {
            }
        }
        if (s.build().isPresent() && options.ignoreBuildable()) {
            return Optional.of("Skipped - Image can be built");
        }
        String other = pulledBy.get(s.image());
        if (other != null) {
            return Optional.of("Skipped - Image is already being pulled by " + other);
        }
        return Optional.empty();
    }

    /** Compose counts an image as present only when it has a tag that is not {@code latest} (a moving tag). */
    private boolean presentWithTag(String image) {
        if (image.contains("@")) {
            return false;
        }
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > image.lastIndexOf('/');
        if (!tagged || image.substring(colon + 1).equals("latest")) {
            return false;
        }
        return engine.inspectImage(image).isPresent();
    }

    private void run(Project project, Map<String, Service> toPull, PullOptions options) {
        int threads = parallelism > 0 ? Math.min(parallelism, toPull.size()) : toPull.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "compose-pull");
            t.setDaemon(true);
            return t;
        });
        Set<String> finished = ConcurrentHashMap.newKeySet();
        LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (Service s : toPull.values()) {
                futures.add(pool.submit(() -> outcomes.add(new Outcome(s, pullOne(project, s, options, finished)))));
            }
            List<String> mustBuild = new ArrayList<>();
            EngineException first = null;
            for (int done = 0; done < toPull.size(); done++) {
                Outcome o = take(outcomes);
                if (o.failure().isEmpty()) {
                    continue;
                }
                EngineException e = o.failure().get();
                if (first == null) {
                    first = e;
                }
                if (o.service().build().isPresent()) {
                    mustBuild.add(o.service().name());
                } else if (!options.ignoreFailures()) {
                    failPending(toPull, finished, e);
                    tail(mustBuild);
                    throw failure(e);
                }
            }
            tail(mustBuild);
            if (first != null && !options.ignoreFailures()) {
                throw failure(first);
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private Optional<EngineException> pullOne(Project project, Service s, PullOptions options, Set<String> finished) {
        if (finished.contains(s.name())) {
            return Optional.empty(); // failed with another pull before it began
        }
        listener.event(new ProgressEvent(s.name(), ProgressEvent.Status.WORKING, "", "Pulling"));
        String platform = ImagePlatform.of(project, s);
        try {
            engine.pullImage(s.image(), platform.isEmpty() ? Optional.empty() : Optional.of(platform), m -> {
                if (!options.quiet() && !finished.contains(s.name())) {
                    PullEvents.of(s.name(), m).ifPresent(listener::event);
                }
            });
        } catch (RuntimeException failure) {
            EngineException e = failure instanceof EngineException engineFailure ? engineFailure
                : new EngineException(EngineException.Kind.OTHER, String.valueOf(failure.getMessage()), failure);
            if (finished.add(s.name())) {
                ProgressEvent.Status status = s.build().isPresent() ? ProgressEvent.Status.WARNING
                    : ProgressEvent.Status.ERROR;
                listener.event(new ProgressEvent(s.name(), status, daemonWords(e),
                    s.build().isPresent() ? "Warning" : "Error"));
            }
            return Optional.of(e);
        }
        if (finished.add(s.name())) {
            listener.event(new ProgressEvent(s.name(), ProgressEvent.Status.DONE, "", "Pulled"));
        }
        return Optional.empty();
    }

    /** The pulls still going on when one fails end with its error, as Compose's display shows them. */
    private void failPending(Map<String, Service> toPull, Set<String> finished, EngineException e) {
        for (String name : toPull.keySet()) {
            if (finished.add(name)) {
                listener.event(new ProgressEvent(name, ProgressEvent.Status.ERROR, daemonWords(e), "Error"));
            }
        }
    }

    private void tail(List<String> mustBuild) {
        if (!mustBuild.isEmpty()) {
            listener.tailMessage("WARNING: Some service image(s) must be built from source by running:\n"
                + "    docker compose build " + String.join(" ", mustBuild));
        }
    }

    /** Compose shows the daemon's own words, without the client's "Error response from daemon: ". */
    static String daemonWords(EngineException e) {
        return e.getMessage().replaceFirst("^Error response from daemon: ", "");
    }

    private static ComposeException failure(EngineException e) {
        return new ComposeException(Failure.PULL, e.getMessage(), e);
    }

    private static Outcome take(LinkedBlockingQueue<Outcome> outcomes) {
        try {
            Outcome o = outcomes.poll(365, TimeUnit.DAYS);
            if (o == null) {
                throw new IllegalStateException("no pull outcome");
            }
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException(Failure.CANCELED, "canceled");
        }
    }

    private record Outcome(Service service, Optional<EngineException> failure) {
    }
}
