package io.github.compose4j.cli.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams Docker Compose 2.26.1 wrote on stderr, captured with {@code script} (terminal) or a pipe
 * (plain), the terminal's CR LF line ends turned back into LF.
 */
final class Captured {
    static final String SHOW_CURSOR = "\u001b[?25h";

    private Captured() {
    }

    static String read(String name) {
        try (InputStream in = Captured.class.getResourceAsStream("/progress/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stream cut after each frame (each ends by showing the cursor again), consecutive repeats dropped. */
    static List<String> distinctFrames(String stream) {
        List<String> frames = new ArrayList<>();
        int from = 0;
        while (from < stream.length()) {
            int end = stream.indexOf(SHOW_CURSOR, from);
            end = end < 0 ? stream.length() : end + SHOW_CURSOR.length();
            String frame = stream.substring(from, end);
            if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(frame)) {
                frames.add(frame);
            }
            from = end;
        }
        return frames;
    }
}
