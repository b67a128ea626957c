package io.github.compose4j.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files that change under some paths (each a directory, watched with all it holds, or a file, or a path that
 * does not exist yet): created, modified or deleted, as absolute paths. Directories created meanwhile are watched
 * too, and what they already hold is reported as changed.
 */
final class FileTreeWatch implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    /** For a watched file, its directory is watched and only that file's changes count. */
    private final Map<Path, Set<Path>> filesOnly = new HashMap<>();

    FileTreeWatch(List<Path> roots) {
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    registerTree(root, new ArrayList<>());
                } else {
                    Path parent = root.getParent();
                    if (parent != null && Files.isDirectory(parent)) {
                        boolean whole = filesOnly.containsKey(parent) && filesOnly.get(parent) == null;
                        if (!whole) {
                            filesOnly.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(root);
                            register(parent);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths changed since the last call, waiting up to {@code millis} for a first one; empty when none. */
    Set<Path> poll(long millis) throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        WatchKey key;
        try {
            key = service.poll(millis, TimeUnit.MILLISECONDS);
        } catch (ClosedWatchServiceException e) {
            return changed;
        }
        while (key != null) {
            Path dir = directories.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    continue;
                }
                Path path = dir.resolve((Path) event.context());
                Set<Path> only = filesOnly.get(dir);
                if (only != null && !only.contains(path)) {
                    continue;
                }
                changed.add(path);
                // A new directory is watched with what it holds (a rule's path created late among them).
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                        && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    List<Path> found = new ArrayList<>();
                    try {
                        registerTree(path, found);
                    } catch (IOException e) {
                        // Gone again already.
                    }
                    changed.addAll(found);
                }
            }
            if (!key.reset()) {
                directories.remove(key);
            }
            key = service.poll();
        }
        return changed;
    }

    private void registerTree(Path root, List<Path> files) throws IOException {
        filesOnly.put(root, null);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    filesOnly.put(p, null);
                    register(p);
                } else {
                    files.add(p);
                }
            }
        }
    }

    private void register(Path dir) throws IOException {
        directories.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), dir);
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Nothing more to watch.
        }
    }
}
