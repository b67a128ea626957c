package io.github.compose4j.logs;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.EventFeed;
import io.github.compose4j.engine.LogQuery;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.observe.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code logs}: every selected container's output, one reader thread each, through one printer. With follow it also
 * watches the project, so containers started later are followed too, and ends when all followed containers have.
 */
public final class ProjectLogs {
    private final Engine engine;

    public ProjectLogs(Engine engine) {
        this.engine = engine;
    }

    public void run(String project, LogsOptions options, LogConsumer consumer) {
        List<ContainerSummary> containers = containers(project, options);
        LogPrinter printer = new LogPrinter(consumer);
        List<OutputReader> readers = new CopyOnWriteArrayList<>();
        Map<String, OutputReader> byId = new ConcurrentHashMap<>();
        LogQuery query = new LogQuery(options.follow(), options.tail(), options.since(), options.until(),
            options.timestamps());
        EventFeed feed = options.follow() ? engine.events(Map.of(Labels.PROJECT, project)) : null;
        try {
            for (ContainerSummary c : containers) {
                Watched w = Watched.of(c);
                OutputReader reader = new OutputReader(w.name(), w.id(), engine.containerLogs(c.id(), query), true,
                    printer, r -> { });
                readers.add(reader);
                byId.put(c.id(), reader);
            }
            readers.forEach(OutputReader::start);
            Thread watcher = null;
            if (feed != null) {
                List<Watched> running = containers.stream().filter(ContainerSummary::isRunning).map(Watched::of)
                    .toList();
                running.forEach(w -> printer.handle(new StreamEvent.Attach(w.name(), w.id(), w.service())));
                watcher = watcherThread(feed, running, options, printer, readers, byId);
                watcher.start();
            }
            Thread finisher = finisher(watcher, readers, printer);
            finisher.start();
            printer.runToFinish();
            readers.stream().map(OutputReader::failure).flatMap(Optional::stream).findFirst().ifPresent(e -> {
                throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
            });
        } finally {
            if (feed != null) {
                feed.close();
            }
            readers.forEach(OutputReader::close);
        }
    }

    private Thread watcherThread(EventFeed feed, List<Watched> running, LogsOptions options, LogPrinter printer,
                                 List<OutputReader> readers, Map<String, OutputReader> byId) {
        ProjectWatcher watch = new ProjectWatcher(engine, options.services(), List.of());
        Thread t = new Thread(() -> watch.watch(feed, running, new FollowedOutput(printer, byId) {
            @Override
            public void started(Watched c, long timeNanos) {
                printer.handle(new StreamEvent.Attach(c.name(), c.id(), c.service()));
                String since = (timeNanos / 1_000_000_000L) + "." + String.format("%09d", timeNanos % 1_000_000_000L);
                try {
                    OutputReader reader = new OutputReader(c.name(), c.id(), engine.containerLogs(c.id(),
                        new LogQuery(true, options.tail(), since, options.until(), options.timestamps())), true,
                        printer, r -> { });
                    readers.add(reader);
                    byId.put(c.id(), reader);
                    reader.start();
                } catch (EngineException e) {
                    if (!e.isNotFound()) {
                        throw e;
                    }
                }
            }
        }), "compose4j-watch");
        t.setDaemon(true);
        return t;
    }

    /** Ends the printer once the watch (if any) and every reader are done. */
    private static Thread finisher(Thread watcher, List<OutputReader> readers, LogPrinter printer) {
        Thread t = new Thread(() -> {
            try {
                if (watcher != null) {
                    watcher.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (OutputReader r : readers) {
                r.await(Long.MAX_VALUE);
            }
            printer.finish();
        }, "compose4j-logs-end");
        t.setDaemon(true);
        return t;
    }

    private List<ContainerSummary> containers(String project, LogsOptions options) {
        Map<String, String> labels = Map.of(Labels.PROJECT, project, Labels.ONEOFF, "False");
        List<ContainerSummary> all = new ArrayList<>(engine.listContainers(labels, true));
        if (options.index() > 0) {
            String service = options.services().get(0);
            return all.stream()
                .filter(c -> c.label(Labels.SERVICE).equals(service))
                .filter(c -> c.label(Labels.CONTAINER_NUMBER).equals(Integer.toString(options.index())))
                .findFirst().map(List::of)
                .orElseThrow(() -> new ComposeException(Failure.GENERAL, "service \"" + service
                    + "\" is not running container #" + options.index()));
        }
        if (!options.services().isEmpty()) {
            all.removeIf(c -> !options.services().contains(c.label(Labels.SERVICE)));
        }
        all.sort(Comparator.comparing(ContainerSummary::name));
        return all;
    }
}
