package io.github.compose4j.cli;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the commands that change one project on one daemon ({@code up -d}, {@code create}, {@code down},
 * {@code run}'s dependencies): four {@code up -d} started at once converge one after the other instead of racing
 * to create the same network four times (which old engines allow) and the same containers. The lock is a file
 * lock under the user's cache directory, named after the project and the daemon endpoint, so it holds between
 * processes; a process-wide lock does the same between threads of one JVM (the file lock is per process). The
 * operating system releases it when the process dies, even by {@code kill -9}.
 */
final class ProjectLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Blocks until this process holds the lock of {@code project} on {@code endpoint}. */
    static ProjectLock acquire(Map<String, String> env, String project, String endpoint) {
        Path file = directory(env).resolve(key(project, endpoint) + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new ProjectLock(local, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            local.unlock();
            throw new ComposeException(Failure.GENERAL, "cannot lock project " + project + " (" + file + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** {@code $XDG_CACHE_HOME/compose4j/locks}, else {@code ~/.cache/compose4j/locks}, else under the temp dir. */
    static Path directory(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "compose4j", "locks");
        }
        String home = env.get("HOME");
        if (home != null && !home.isEmpty() && Path.of(home).isAbsolute()) {
            return Path.of(home, ".cache", "compose4j", "locks");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "compose4j-locks-" + System.getProperty("user.name"));
    }

    /** A file name for the pair: project names are safe, endpoints are not ({@code unix:///...}). */
    static String key(String project, String endpoint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(endpoint.getBytes(StandardCharsets.UTF_8));
            return project + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock; nothing else to do.
        } finally {
            local.unlock();
        }
    }
}
