package io.github.compose4j.watch;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.execute.TarWriter;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.oneoff.Console;
import io.github.compose4j.oneoff.ExecProcess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the services' files and applies their rules to each batch of changes, a batch being what changed until
 * half a second passed without a change (Compose's quiet period): a rebuild rule rebuilds the image and recreates
 * the service; otherwise the files are copied into (or deleted from) the service's containers, which a
 * sync+restart rule then restarts. Runs until {@link #cancel()}.
 */
public final class ProjectWatch {
    static final long QUIET_NANOS = 500_000_000L;
    private static final int PATHS_NAMED = 10;

    private final Engine engine;
    private final Actions actions;
    private final Consumer<String> log;
    private volatile boolean cancelled;

    /** What a batch may ask of the rest of compose4j, for one service. */
    public interface Actions {
        /** Builds the service's image, then recreates and starts its containers; logs how it went. */
        void rebuild(String service);

        /** Restarts the service's containers. */
        void restart(String service);
    }

    public ProjectWatch(Engine engine, Actions actions, Consumer<String> log) {
        this.engine = engine;
        this.actions = actions;
        this.log = log;
    }

    /** Ends {@link #run} at its next look at the files, from any thread. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** A changed file as one rule sees it: where it is in the containers, for sync rules. */
    record Change(Path hostPath, String action, String containerPath) {
    }

    public void run(String projectName, List<WatchedService> services) {
        List<Path> roots = new ArrayList<>();
        services.forEach(s -> s.rules().forEach(r -> roots.add(r.path())));
        Map<String, Map<Change, Long>> pending = new LinkedHashMap<>();
        try (FileTreeWatch files = new FileTreeWatch(roots)) {
            log.accept("Watch enabled");
            while (!cancelled) {
                for (Path changed : files.poll(100)) {
                    long now = System.nanoTime();
                    for (WatchedService s : services) {
                        for (WatchedService.Rule r : s.rules()) {
                            Change c = change(s, r, changed);
                            if (c != null) {
                                Map<Change, Long> batch = pending.computeIfAbsent(s.service(), k -> new LinkedHashMap<>());
                                batch.remove(c); // the batch keeps changes in the order of their last event
                                batch.put(c, now);
                            }
                        }
                    }
                }
                long now = System.nanoTime();
                for (String service : List.copyOf(pending.keySet())) {
                    Map<Change, Long> batch = pending.get(service);
                    long last = batch.values().stream().mapToLong(Long::longValue).max().orElse(now);
                    if (now - last >= QUIET_NANOS && !cancelled) {
                        pending.remove(service);
                        apply(projectName, service, List.copyOf(batch.keySet()));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The change {@code rule} sees in {@code path}; null when the rule does not cover it or ignores it. */
    static Change change(WatchedService s, WatchedService.Rule rule, Path path) {
        if (!path.startsWith(rule.path()) || ephemeral(path)) {
            return null;
        }
        String relative = slashes(rule.path().relativize(path));
        if (!relative.isEmpty() && rule.ignore().excludes(relative)) {
            return null;
        }
        if (path.startsWith(s.context())) {
            String inContext = slashes(s.context().relativize(path));
            if (!inContext.isEmpty() && (s.contextIgnore().excludes(inContext) || inContext.equals(".git")
                    || inContext.startsWith(".git/"))) {
                return null;
            }
        }
        String target = "";
        if (!rule.target().isEmpty()) {
            target = relative.isEmpty() ? rule.target() : rule.target().replaceAll("/+$", "") + "/" + relative;
        }
        return new Change(path, rule.action(), target);
    }

    /** Editors' temporary files (vim, emacs, JetBrains, kate, go), which Compose never acts on. */
    static boolean ephemeral(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String all = slashes(path);
        return name.endsWith("___jb_old___") || name.endsWith("___jb_tmp___") || all.contains("/.idea/")
                || name.equals(".idea") || name.startsWith(".#") || (name.length() > 1 && name.startsWith("#")
                && name.endsWith("#")) || name.equals("4913") || name.endsWith("~")
                || (name.startsWith(".") && name.matches("\\..*\\.(swp|swx|swo|swn|kate-swp)"))
                || name.endsWith("-go-tmp-umask");
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    private void apply(String projectName, String service, List<Change> batch) {
        try {
            if (batch.stream().anyMatch(c -> c.action().equals(WatchConfig.REBUILD))) {
                log.accept("Rebuilding service \"" + service + "\" after changes were detected...");
                actions.rebuild(service);
                return;
            }
            log.accept(batch.size() <= PATHS_NAMED ? "Syncing \"" + service + "\" after changes were detected"
                    : "Syncing service \"" + service + "\" after " + batch.size() + " changes were detected");
            sync(projectName, service, batch);
            if (batch.stream().anyMatch(c -> c.action().equals(WatchConfig.SYNC_RESTART))) {
                actions.restart(service);
            }
        } catch (RuntimeException e) {
            // As Compose: the watch goes on; the next change may well fix it.
            log.accept("Error handling changed files for service " + service + ": " + e.getMessage());
        }
    }

    /** Copies what exists into each of the service's containers and deletes there what no longer does. */
    private void sync(String projectName, String service, List<Change> batch) {
        List<String> deleted = new ArrayList<>();
        TarWriter tar = new TarWriter();
        for (Change c : batch) {
            if (c.containerPath().isEmpty()) {
                continue;
            }
            if (Files.exists(c.hostPath(), LinkOption.NOFOLLOW_LINKS)) {
                addTree(tar, c.hostPath(), c.containerPath());
            } else {
                deleted.add(c.containerPath());
            }
        }
        boolean copies = batch.stream().anyMatch(c -> !c.containerPath().isEmpty() && !deleted.contains(c.containerPath()));
        byte[] archive = tar.finish();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.PROJECT, projectName);
        labels.put(Labels.SERVICE, service);
        labels.put(Labels.ONEOFF, "False");
        for (ContainerSummary container : engine.listContainers(labels, true)) {
            if (!deleted.isEmpty()) {
                List<String> command = new ArrayList<>(List.of("rm", "-rf"));
                command.addAll(deleted);
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = new ExecProcess(engine).run(container.id(), command,
                        new Console(Optional.empty(), OutputStream.nullOutputStream(), err, Optional.empty()));
                if (code != 0) {
                    throw new IllegalStateException("deleting paths in " + container.id() + ": exit code " + code + " "
                            + err.toString(StandardCharsets.UTF_8).strip());
                }
            }
            if (copies) {
                engine.copyToContainer(container.id(), "/", archive, true);
            }
        }
    }

    /** {@code host} (a file, or a directory and all it holds) at {@code target} in the containers, owners kept. */
    private static void addTree(TarWriter tar, Path host, String target) {
        try (Stream<Path> walk = Files.walk(host)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = (target + (p.equals(host) ? "" : "/" + slashes(host.relativize(p))))
                        .replaceFirst("^/+", "");
                long uid = ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
                long gid = ((Number) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue();
                long mode = ((Number) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)).longValue() & 07777;
                Instant modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
                if (Files.isSymbolicLink(p)) {
                    tar.addSymlink(name, Files.readSymbolicLink(p).toString(), mode, uid, gid, modified);
                } else if (Files.isDirectory(p)) {
                    tar.addDirectory(name, mode, uid, gid, modified);
                } else if (Files.isRegularFile(p)) {
                    tar.add(new TarWriter.Entry(name, Files.readAllBytes(p), mode, uid, gid, modified));
                }
            }
        } catch (IOException e) {
            // The file went away meanwhile: the next batch deletes it.
            if (Files.exists(host)) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
