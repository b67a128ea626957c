package io.github.compose4j.oneoff;

import io.github.compose4j.engine.ArchiveStream;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.PathStat;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code cp} between a service's containers and local files, through the engine's archive API: to every
 * replica of the service (or the {@code --index} one), from the first (or the {@code --index} one). Decides,
 * as the docker CLI does, which directory the archive goes into and what its top entry is called, so that
 * the copy lands under the destination's name.
 */
public final class ContainerCopy {
    private final Engine engine;
    private final ProgressListener listener;

    public ContainerCopy(Engine engine, ProgressListener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    /** A {@code cp} argument: a service and a path in its containers, or a local path (no service). */
    record Location(String service, String path) {
        static Location parse(String arg) {
            if (arg.startsWith("/")) {
                return new Location("", arg);
            }
            int colon = arg.indexOf(':');
            if (colon < 0 || arg.startsWith(".")) {
                return new Location("", arg);
            }
            return new Location(arg.substring(0, colon), arg.substring(colon + 1));
        }
    }

    /**
     * Copies; {@code cwd} makes relative local paths absolute, {@code stdin} and {@code stdout} carry the tar
     * streams of {@code -}.
     */
    public void copy(String projectName, CopyRequest r, Path cwd, InputStream stdin, OutputStream stdout) {
        Location src = Location.parse(r.source());
        Location dst = Location.parse(r.destination());
        if (!src.service().isEmpty() && !dst.service().isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "copying between services is not supported");
        }
        if (src.service().isEmpty() && dst.service().isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "unknown copy direction");
        }
        boolean from = !src.service().isEmpty();
        if (from && r.all()) {
            throw new ComposeException(Failure.GENERAL, "cannot use the --all flag when copying from a service");
        }
        String service = from ? src.service() : dst.service();
        List<ContainerSummary> targets = targets(projectName, service, r.index(), from);
        List<Thread> threads = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (ContainerSummary c : targets) {
            String text = from ? "copy " + c.name() + ":" + src.path() + " to " + dst.path()
                    : "copy " + src.path() + " to " + c.name() + ":" + dst.path();
            Runnable one = () -> {
                listener.event(new ProgressEvent(c.name(), ProgressEvent.Status.WORKING, "Copying", text));
                try {
                    if (from) {
                        copyFrom(c.id(), src.path(), dst.path(), r, cwd, stdout);
                    } else {
                        copyTo(c.id(), src.path(), dst.path(), r, cwd, stdin);
                    }
                } catch (IOException e) {
                    throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
                } catch (EngineException e) {
                    throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
                }
                listener.event(new ProgressEvent(c.name(), ProgressEvent.Status.DONE, "Copied", text));
            };
            Thread t = new Thread(() -> {
                try {
                    one.run();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "compose-cp-" + c.name());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComposeException(Failure.CANCELED, "canceled");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private List<ContainerSummary> targets(String project, String service, int index, boolean from) {
        if (index > 0) {
            return List.of(ServiceContainers.specified(engine, project, service, false, true, index));
        }
        List<ContainerSummary> all = ServiceContainers.of(engine, project, service, false, true, 0);
        if (all.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "no container found for service \"" + service + "\"");
        }
        return from ? all.subList(0, 1) : all;
    }

    private void copyTo(String containerId, String srcPath, String dstPath, CopyRequest r, Path cwd,
                        InputStream stdin) throws IOException {
        String directory = dstPath;
        java.util.Optional<PathStat> dst = engine.statContainerPath(containerId, dstPath);
        if (dst.isPresent() && dst.get().isSymlink()) {
            String link = dst.get().linkTarget();
            directory = link.startsWith("/") ? link : parent(dstPath) + "/" + link;
            dst = engine.statContainerPath(containerId, directory);
        }
        if (srcPath.equals("-")) {
            if (dst.isEmpty() || !dst.get().isDirectory()) {
                throw new ComposeException(Failure.GENERAL, "destination \"" + containerId + ":" + dstPath
                        + "\" must be a directory");
            }
            engine.writeArchive(containerId, directory, stdin, r.copyUidGid());
            return;
        }
        Path source = cwd.resolve(srcPath).toAbsolutePath().normalize();
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new ComposeException(Failure.GENERAL, "stat " + source + ": no such file or directory");
        }
        boolean sourceIsDir = Files.isDirectory(source, r.followLink() ? new LinkOption[0]
                : new LinkOption[] {LinkOption.NOFOLLOW_LINKS});
        String topName = source.getFileName() == null ? "." : source.getFileName().toString();
        String into;
        if (dst.isPresent() && dst.get().isDirectory()) {
            into = directory;
        } else if (dst.isPresent()) {
            if (sourceIsDir) {
                throw new ComposeException(Failure.GENERAL, "cannot copy a directory to a file");
            }
            into = parent(directory);
            topName = base(directory);
        } else {
            if (directory.endsWith("/") && !sourceIsDir) {
                throw new ComposeException(Failure.GENERAL, "destination directory \"" + dstPath
                        + "\" does not exist");
            }
            into = parent(directory);
            topName = base(directory);
        }
        String name = topName;
        PipedInputStream pipe = new PipedInputStream(64 * 1024);
        PipedOutputStream feed = new PipedOutputStream(pipe);
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (OutputStream out = feed) {
                LocalArchive.write(source, name, r.followLink(), r.copyUidGid(), out);
            } catch (IOException e) {
                writeFailure.set(e);
            }
        }, "compose-cp-tar");
        writer.setDaemon(true);
        writer.start();
        try (InputStream in = pipe) {
            engine.writeArchive(containerId, into, in, r.copyUidGid());
        }
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
    }

    private void copyFrom(String containerId, String srcPath, String dstPath, CopyRequest r, Path cwd,
                          OutputStream stdout) throws IOException {
        String path = srcPath;
        String rebaseTo = "";
        if (r.followLink()) {
            java.util.Optional<PathStat> stat = engine.statContainerPath(containerId, srcPath);
            if (stat.isPresent() && stat.get().isSymlink()) {
                String link = stat.get().linkTarget();
                path = link.startsWith("/") ? link : parent(srcPath) + "/" + link;
                rebaseTo = base(srcPath);
            }
        }
        try (ArchiveStream archive = engine.readArchive(containerId, path)) {
            if (dstPath.equals("-")) {
                archive.tar().transferTo(stdout);
                stdout.flush();
                return;
            }
            String top = base(path);
            String name = rebaseTo.isEmpty() ? top : rebaseTo;
            Path destination = cwd.resolve(dstPath).toAbsolutePath().normalize();
            if (Files.isDirectory(destination)) {
                LocalArchive.extract(archive.tar(), destination, top, name);
                return;
            }
            if (Files.exists(destination) && archive.stat().isDirectory()) {
                throw new ComposeException(Failure.GENERAL, "cannot copy directory to file");
            }
            if (dstPath.endsWith("/")) {
                throw new ComposeException(Failure.GENERAL, "destination \"" + dstPath + "\" does not exist");
            }
            Path parent = destination.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new ComposeException(Failure.GENERAL, "stat " + parent + ": no such file or directory");
            }
            LocalArchive.extract(archive.tar(), parent, top, destination.getFileName().toString());
        }
    }

    /** The directory part of a container path ({@code /} for top-level entries). */
    static String parent(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : p.substring(0, slash);
    }

    /** The last element of a container path. */
    static String base(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
