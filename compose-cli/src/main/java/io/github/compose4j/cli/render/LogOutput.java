package io.github.compose4j.cli.render;

import io.github.compose4j.logs.LogConsumer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Container output written as Docker Compose writes it: each line as {@code prefix [time]line}, on stdout or stderr
 * as the container wrote it, each preceded on stdout by the erase-line sequence Compose always emits; status lines on
 * stdout. Lines are written whole into buffers that are flushed when the printer runs out of work, so lines never
 * mix and a chatty project costs few system calls.
 */
public final class LogOutput implements LogConsumer {
    public static final String CLEAR_LINE = "\033[2K";
    private static final byte[] CLEAR = CLEAR_LINE.getBytes(StandardCharsets.US_ASCII);
    /** Go's RFC3339NanoFixed. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

    private final LogLines format;
    private final boolean timestamps;
    private final Clock clock;
    private final OutputStream out;
    private final OutputStream err;
    private final OutputStream info;
    private final Runnable created;
    private final StringBuilder text = new StringBuilder(8192);

    /**
     * @param timestamps print the time each line is written after the prefix (attached {@code up --timestamps})
     * @param info       where notices go ({@code Aborting on container exit...}): stderr
     */
    public LogOutput(LogLines format, boolean timestamps, Clock clock, OutputStream out, OutputStream err,
                     OutputStream info) {
        this(format, timestamps, clock, out, err, info, () -> { });
    }

    /** @param created run once attached {@code up} has created the containers (ends the creation's display) */
    public LogOutput(LogLines format, boolean timestamps, Clock clock, OutputStream out, OutputStream err,
                     OutputStream info, Runnable created) {
        this.created = created;
        this.format = format;
        this.timestamps = timestamps;
        this.clock = clock;
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.err = new BufferedOutputStream(err, 16 * 1024);
        this.info = info;
    }

    @Override
    public void register(String container) {
        format.register(container);
    }

    /** A line of {@code up --watch}'s watch, without a prefix (Compose's watch logger); from any thread. */
    public synchronized void watchLine(String line) {
        write(out, CLEAR_LINE + line + "\n");
        flush();
    }

    @Override
    public synchronized void log(String container, boolean stderr, List<String> lines) {
        String prefix = format.prefix(container);
        String time = timestamps ? TIME.format(ZonedDateTime.now(clock)) : "";
        try {
            if (stderr) {
                for (String line : lines) {
                    out.write(CLEAR);
                    text.setLength(0);
                    text.append(prefix).append(time).append(line).append('\n');
                    err.write(text.toString().getBytes(StandardCharsets.UTF_8));
                }
            } else {
                text.setLength(0);
                for (String line : lines) {
                    text.append(CLEAR_LINE).append(prefix).append(time).append(line).append('\n');
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void status(String container, String message) {
        write(out, format.status(container, message));
    }

    @Override
    public void created() {
        created.run();
    }

    @Override
    public void attaching(List<String> containers) {
        write(out, "Attaching to " + String.join(", ", containers) + "\n");
        flush();
    }

    @Override
    public void aborting() {
        flush();
        write(info, "Aborting on container exit...\n");
    }

    @Override
    public void flush() {
        try {
            out.flush();
            err.flush();
            info.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream stream, String s) {
        try {
            stream.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
