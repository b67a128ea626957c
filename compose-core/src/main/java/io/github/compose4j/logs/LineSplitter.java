package io.github.compose4j.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream into lines (without their {@code \n}). A line is held until its end arrives, up to
 * {@link #MAX_LINE} bytes, beyond which it is passed on in pieces so memory stays bounded.
 */
public final class LineSplitter {
    public static final int MAX_LINE = 1024 * 1024;

    private byte[] pending = new byte[256];
    private int length;

    /** The lines that {@code chunk} completes. */
    public List<String> feed(byte[] chunk) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                if (length == 0) {
                    lines.add(new String(chunk, start, i - start, StandardCharsets.UTF_8));
                } else {
                    append(chunk, start, i - start);
                    lines.add(takePending());
                }
                start = i + 1;
            }
        }
        while (start < chunk.length) {
            int room = MAX_LINE - length;
            int n = Math.min(room, chunk.length - start);
            append(chunk, start, n);
            start += n;
            if (length == MAX_LINE) {
                lines.add(takePending());
            }
        }
        return lines;
    }

    /** The unterminated last line, if any (at the end of the stream). */
    public List<String> finish() {
        return length == 0 ? List.of() : List.of(takePending());
    }

    private void append(byte[] bytes, int offset, int n) {
        if (length + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(length + n, Math.min(MAX_LINE, pending.length * 2)));
        }
        System.arraycopy(bytes, offset, pending, length, n);
        length += n;
    }

    private String takePending() {
        String line = new String(pending, 0, length, StandardCharsets.UTF_8);
        length = 0;
        if (pending.length > 64 * 1024) {
            pending = new byte[256];
        }
        return line;
    }
}
