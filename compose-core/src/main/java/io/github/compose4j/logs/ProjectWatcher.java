package io.github.compose4j.logs;

import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.EngineEvent;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EventFeed;
import io.github.compose4j.observe.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a project's container events, as Docker Compose's watch does: reports exits, notices containers that
 * start later (a scale up, a restart) or replace others, and returns once every required container has ended.
 */
final class ProjectWatcher {
    /** What the watcher reports. */
    interface Callbacks {
        /** A container started after the watch began, or started again. */
        void started(Watched container, long timeNanos);

        /** A container was created to replace another. */
        void recreated(Watched container, long timeNanos);

        /** A watched container ended. */
        void ended(StreamEvent.Exit exit);
    }

    private final Engine engine;
    private final List<String> services;
    private final List<String> required;

    /**
     * @param services the services to watch; empty for all
     * @param required the services whose containers must all end before the watch does; empty for {@code services}
     */
    ProjectWatcher(Engine engine, List<String> services, List<String> required) {
        this.engine = engine;
        this.services = List.copyOf(services);
        this.required = required.isEmpty() ? this.services : List.copyOf(required);
    }

    /** Reads {@code feed} until every required container of {@code initial} (and later ones) has ended. */
    void watch(EventFeed feed, Collection<Watched> initial, Callbacks callbacks) {
        if (initial.isEmpty()) {
            return;
        }
        Set<String> expected = new LinkedHashSet<>();
        Map<String, Integer> watched = new HashMap<>();
        Set<String> replaced = new LinkedHashSet<>();
        for (Watched c : initial) {
            if (isRequired(c.service())) {
                expected.add(c.id());
            }
            watched.put(c.id(), 0);
        }
        while (!expected.isEmpty()) {
            Optional<EngineEvent> next = feed.next();
            if (next.isEmpty()) {
                return;
            }
            EngineEvent event = next.get();
            if (!event.type().equals("container") || "True".equals(event.attribute(Labels.ONEOFF)) || !ofInterest(event.attribute(Labels.SERVICE))) {
                continue;
            }
            Optional<ContainerDetails> inspected = engine.inspectContainer(event.actorId());
            if (inspected.isEmpty()) {
                // gone before we could look (destroyed): stop watching it
                watched.remove(event.actorId());
                expected.remove(event.actorId());
                continue;
            }
            ContainerDetails details = inspected.get();
            Watched container = Watched.of(details);
            String id = details.id();
            switch (event.action()) {
                case "stop" -> {
                    if (watched.containsKey(id)) {
                        boolean recreated = replaced.remove(id);
                        callbacks.ended(new StreamEvent.Exit(container.name(), id, container.service(), 0, false,
                            recreated, false));
                    }
                    watched.remove(id);
                    expected.remove(id);
                }
                case "die" -> {
                    watched.merge(id, 1, Integer::sum);
                    boolean restarting = details.status().equals("restarting");
                    boolean recreated = replaced.remove(id);
                    callbacks.ended(new StreamEvent.Exit(container.name(), id, container.service(),
                        details.exitCode(), true, recreated, restarting));
                    if (!restarting) {
                        watched.remove(id);
                        expected.remove(id);
                    }
                }
                case "start" -> {
                    Integer count = watched.get(id);
                    boolean mustAttach = count != null && count > 0;
                    if (count == null) {
                        watched.put(id, 0);
                        expected.add(id);
                        mustAttach = true;
                    }
                    if (mustAttach) {
                        callbacks.started(container, event.timeNanos());
                    }
                }
                case "create" -> {
                    String replacing = details.labels().get(Labels.REPLACE);
                    if (replacing != null) {
                        replaced.add(replacing);
                        callbacks.recreated(container, event.timeNanos());
                        if (expected.contains(replacing)) {
                            expected.add(id);
                        }
                        watched.put(id, 1);
                    } else {
                        watched.put(id, 1);
                        if (isRequired(container.service())) {
                            expected.add(id);
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private boolean ofInterest(String service) {
        return services.isEmpty() || services.contains(service);
    }

    private boolean isRequired(String service) {
        return services.isEmpty() || required.isEmpty() || required.contains(service);
    }

    static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
