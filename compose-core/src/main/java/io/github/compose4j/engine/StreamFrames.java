package io.github.compose4j.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a container's output to the caller's streams. Without a TTY the engine multiplexes standard output
 * and error as frames of an 8-byte header (stream number, three zero bytes, big-endian length) followed by
 * the payload; with a TTY the bytes come as they are and all go to standard output.
 */
public final class StreamFrames {
    private StreamFrames() {
    }

    /** Copies until the engine ends the stream; output is flushed after each frame. */
    public static void copy(InputStream in, boolean tty, OutputStream out, OutputStream err) throws IOException {
        if (tty) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            return;
        }
        byte[] header = new byte[8];
        byte[] buffer = new byte[8192];
        while (readFully(in, header, 8)) {
            OutputStream target = header[0] == 2 ? err : out;
            long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                | (header[7] & 0xff);
            while (size > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, size));
                if (n < 0) {
                    return;
                }
                target.write(buffer, 0, n);
                size -= n;
            }
            target.flush();
        }
    }

    private static boolean readFully(InputStream in, byte[] b, int len) throws IOException {
        int off = 0;
        while (off < len) {
            int n = in.read(b, off, len - off);
            if (n < 0) {
                return false;
            }
            off += n;
        }
        return true;
    }
}
