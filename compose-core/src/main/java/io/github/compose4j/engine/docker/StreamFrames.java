package io.github.compose4j.engine.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import io.github.compose4j.engine.ContainerOutput;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.OutputChunk;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A container output stream of the Engine API, read in large blocks into one buffer. Without a TTY the engine
 * multiplexes stdout and stderr in frames (a byte for the stream, three zero bytes, a big-endian length, then the
 * payload); with one the body is the raw output. Frames longer than the buffer are handed out in pieces, so memory
 * stays bounded.
 */
final class StreamFrames implements ContainerOutput {
    private static final int HEADER = 8;
    private static final int BUFFER = 64 * 1024;

    private final DockerHttpClient.Response response;
    private final InputStream body;
    private final boolean raw;
    private final byte[] buffer = new byte[BUFFER];
    private final AtomicBoolean closed = new AtomicBoolean();
    private int pos;
    private int limit;
    private boolean eof;
    /** Bytes of the current frame not handed out yet, and its stream. */
    private long frameLeft;
    private boolean frameStderr;

    StreamFrames(DockerHttpClient.Response response, boolean tty) {
        this.response = response;
        this.body = response.getBody();
        this.raw = tty;
    }

    @Override
    public Optional<OutputChunk> next() {
        try {
            return Optional.ofNullable(raw ? nextRaw() : nextFrame());
        } catch (IOException e) {
            if (closed.get()) {
                return Optional.empty();
            }
            throw new EngineException(EngineException.Kind.OTHER, "reading container output: " + e.getMessage(), e);
        }
    }

    private OutputChunk nextRaw() throws IOException {
        if (pos == limit && !fill()) {
            return null;
        }
        OutputChunk chunk = new OutputChunk(false, Arrays.copyOfRange(buffer, pos, limit));
        pos = limit;
        return chunk;
    }

    private OutputChunk nextFrame() throws IOException {
        while (true) {
            if (frameLeft > 0) {
                if (pos == limit && !fill()) {
                    throw new IOException("stream ended inside a frame");
                }
                int n = (int) Math.min(frameLeft, limit - pos);
                OutputChunk chunk = new OutputChunk(frameStderr, Arrays.copyOfRange(buffer, pos, pos + n));
                pos += n;
                frameLeft -= n;
                return chunk;
            }
            while (limit - pos < HEADER) {
                if (!fill()) {
                    if (pos == limit) {
                        return null;
                    }
                    throw new IOException("stream ended inside a frame header");
                }
            }
            int kind = buffer[pos];
            frameStderr = kind == 2;
            frameLeft = ((buffer[pos + 4] & 0xffL) << 24) | ((buffer[pos + 5] & 0xff) << 16)
                | ((buffer[pos + 6] & 0xff) << 8) | (buffer[pos + 7] & 0xff);
            pos += HEADER;
            if (kind != 1 && kind != 2) {
                skipFrame(); // stdin echo or the engine's system messages: not output
            }
        }
    }

    private void skipFrame() throws IOException {
        while (frameLeft > 0) {
            if (pos == limit && !fill()) {
                throw new IOException("stream ended inside a frame");
            }
            int n = (int) Math.min(frameLeft, limit - pos);
            pos += n;
            frameLeft -= n;
        }
    }

    /** Reads more, keeping unread bytes; false at end of stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = body.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            response.close();
        }
    }
}
