package io.github.compose4j.engine.docker;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Buffered reading of one connection: lines for the HTTP head and chunk sizes, raw bytes for bodies. It reports
 * how many bytes are already buffered so a closed response can be drained without touching the socket.
 */
final class HttpInput {
    private static final int MAX_LINE = 64 * 1024;

    private final Wire wire;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long consumed;
    private boolean bufferedOnly;

    HttpInput(Wire wire) {
        this.wire = wire;
    }

    /** Bytes taken from the wire so far on this connection (used to tell a stale pooled connection). */
    long consumed() {
        return consumed;
    }

    /** Bytes readable without blocking. */
    int buffered() {
        return limit - pos;
    }

    /** While set, any read that would have to wait for the socket fails with {@link WouldBlock} instead. */
    void bufferedOnly(boolean value) {
        bufferedOnly = value;
    }

    /** Raised in buffered-only mode when the buffer runs dry. */
    static final class WouldBlock extends IOException {
        private static final long serialVersionUID = 1L;

        WouldBlock() {
            super("no more buffered data", null);
        }
    }

    private boolean fill() throws IOException {
        if (bufferedOnly) {
            throw new WouldBlock();
        }
        pos = 0;
        limit = 0;
        int n = wire.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    /** A line without its CRLF (or LF); EOFException at end of stream. */
    String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == limit && !fill()) {
                throw new EOFException("connection closed by the daemon");
            }
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > pos && buffer[i - 1] == '\r' ? i - 1 : i;
                    String part = new String(buffer, pos, end - pos, StandardCharsets.ISO_8859_1);
                    consumed += i + 1 - pos;
                    pos = i + 1;
                    if (line == null) {
                        return part;
                    }
                    line.append(part);
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return line.toString();
                }
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(new String(buffer, pos, limit - pos, StandardCharsets.ISO_8859_1));
            consumed += limit - pos;
            pos = limit;
            if (line.length() > MAX_LINE) {
                throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
            }
        }
    }

    /** Up to {@code length} bytes, blocking only if nothing is buffered; -1 at end of stream. */
    int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pos == limit) {
            if (length >= buffer.length && !bufferedOnly) {
                int n = wire.read(target, offset, length);
                if (n > 0) {
                    consumed += n;
                }
                return n <= 0 ? -1 : n;
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - pos);
        System.arraycopy(buffer, pos, target, offset, n);
        pos += n;
        consumed += n;
        return n;
    }
}
