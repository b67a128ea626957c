package io.github.compose4j.engine.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small HTTP/1.1 client for the Docker Engine API over the JDK's own sockets: unix-domain sockets, plain TCP and
 * TLS, keep-alive with a pool of idle connections, Content-Length and chunked bodies both ways, streaming response
 * bodies and hijacked (upgraded) connections for attach/exec with stdin. Thread-safe: each request takes a
 * connection of its own.
 *
 * <p>Hijacking: a request with {@code hijackedInput} is sent with {@code Connection: Upgrade} and
 * {@code Upgrade: tcp}; after the daemon's 101 (reported as 200, as docker-java expects) the body is the raw
 * socket, and a daemon thread copies {@code hijackedInput} to the socket, then half-closes our side when it ends.
 *
 * <p>A response body that is closed before its end frees its socket rather than returning it to the pool, unless the
 * rest of the body is already buffered (a JSON reader often stops before the trailing newline).
 *
 * <p>Failing to reach the daemon raises a {@link ComposeException} with the docker CLI's message; other I/O
 * failures raise {@link UncheckedIOException}.
 */
public final class JdkDockerHttpClient implements DockerHttpClient {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int INLINE_BODY_LIMIT = 64 * 1024;

    private final DockerHost host;
    private final Wire.Connector connector;
    private final String hostHeader;
    private final String userAgent;
    private final boolean tls;
    private final int maxIdle;
    private final long maxIdleNanos;
    private final ArrayDeque<Idle> idle = new ArrayDeque<>();
    private final Object poolLock = new Object();
    private volatile boolean closed;
    /** How long a short call may wait for the response's head; 0 for no limit. */
    private final long responseTimeoutMillis;
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "compose4j-response-timeout");
            t.setDaemon(true);
            return t;
        });

    private record Idle(Connection connection, long since) {
    }

    private JdkDockerHttpClient(Builder builder) {
        DockerEndpoint endpoint = builder.endpoint;
        this.host = endpoint.host();
        this.userAgent = builder.userAgent;
        this.tls = !host.isUnix() && endpoint.tls().isPresent();
        this.maxIdle = builder.maxIdle;
        this.maxIdleNanos = builder.maxIdleTime.toNanos();
        int timeout = (int) Math.min(Integer.MAX_VALUE, builder.connectTimeout.toMillis());
        this.responseTimeoutMillis = builder.responseTimeout.toMillis();
        if (host.isUnix()) {
            this.connector = Wire.unix(host.socketPath());
            this.hostHeader = "docker";
        } else {
            String name = host.hostName();
            this.hostHeader = (name.contains(":") ? "[" + name + "]" : name) + ":" + host.port();
            this.connector = endpoint.tls()
                .map(tls -> Wire.tls(name, host.port(), timeout, tls.sslContext(), !tls.skipVerify()))
                .orElseGet(() -> Wire.tcp(name, host.port(), timeout));
        }
    }

    public static Builder builder(DockerEndpoint endpoint) {
        return new Builder(endpoint);
    }

    /** The client with default settings. */
    public static JdkDockerHttpClient create(DockerEndpoint endpoint) {
        return builder(endpoint).build();
    }

    public static final class Builder {
        private final DockerEndpoint endpoint;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration responseTimeout = Duration.ZERO;
        private String userAgent = "compose4j";
        private int maxIdle = 16;
        private Duration maxIdleTime = Duration.ofSeconds(60);

        private Builder(DockerEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint);
        }

        /** TCP/TLS connect timeout (unix sockets connect at once or fail). Default 30 s, like the docker CLI. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long a short call (a {@code GET} or {@code HEAD} that is not a stream: ping, inspect, list) waits for the
         * daemon to start answering before it fails; zero (the default) for no limit. Streams (logs, events, stats,
         * attach) and calls that legitimately take long (stop, wait, pull, build) are never limited: a daemon that
         * accepts connections but never answers is found by the first short call, which every command makes.
         */
        public Builder responseTimeout(Duration value) {
            this.responseTimeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = Objects.requireNonNull(value);
            return this;
        }

        /** How many idle keep-alive connections are kept. Default 16. */
        public Builder maxIdleConnections(int value) {
            this.maxIdle = value;
            return this;
        }

        /** Idle connections older than this are closed instead of reused. Default 60 s. */
        public Builder maxIdleTime(Duration value) {
            this.maxIdleTime = Objects.requireNonNull(value);
            return this;
        }

        public JdkDockerHttpClient build() {
            return new JdkDockerHttpClient(this);
        }
    }

    public DockerHost host() {
        return host;
    }

    @Override
    public Response execute(Request request) {
        if (closed) {
            throw new IllegalStateException("the docker client is closed");
        }
        byte[] head = head(request);
        byte[] fixedBody = request.bodyBytes();
        boolean replayable = fixedBody != null || request.body() == null;
        for (int attempt = 0; ; attempt++) {
            Connection connection = checkout();
            boolean reused = connection != null;
            if (!reused) {
                connection = connect(request);
            }
            long before = connection.in.consumed();
            AtomicBoolean timedOut = new AtomicBoolean();
            java.util.concurrent.ScheduledFuture<?> watchdog = watch(request, connection, timedOut);
            try {
                return exchange(connection, request, head, fixedBody);
            } catch (IOException e) {
                connection.wire.close();
                if (timedOut.get()) {
                    throw new ComposeException(Failure.GENERAL, "Cannot connect to the Docker daemon at " + host
                        + ": no answer to " + request.method() + " " + request.path().replaceAll("\\?.*", "")
                        + " within " + Duration.ofMillis(responseTimeoutMillis).toSeconds()
                        + "s. Is the docker daemon running?", e);
                }
                boolean nothingReceived = connection.in.consumed() == before;
                if (reused && replayable && nothingReceived && attempt == 0) {
                    continue; // the daemon dropped an idle connection; a fresh one will do
                }
                throw new UncheckedIOException(describe(request, e), e);
            } catch (RuntimeException e) {
                connection.wire.close();
                throw e;
            } finally {
                if (watchdog != null) {
                    watchdog.cancel(false);
                }
            }
        }
    }

    /** Closes the connection if a short call's answer does not start in time (closing unblocks the read). */
    private java.util.concurrent.ScheduledFuture<?> watch(Request request, Connection connection, AtomicBoolean timedOut) {
        if (responseTimeoutMillis <= 0 || !shortCall(request)) {
            return null;
        }
        return WATCHDOG.schedule(() -> {
            timedOut.set(true);
            connection.wire.close();
        }, responseTimeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    static boolean shortCall(Request request) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD") || request.hijackedInput() != null) {
            return false;
        }
        String path = request.path();
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        return !bare.endsWith("/logs") && !bare.endsWith("/events") && !bare.endsWith("/stats")
            && !bare.endsWith("/attach/ws") && !bare.endsWith("/export") && !bare.endsWith("/get")
            && !bare.endsWith("/archive");
    }

    private Connection connect(Request request) {
        try {
            return new Connection(connector.open());
        } catch (UnknownHostException e) {
            throw new ComposeException(Failure.GENERAL, "error during connect: " + describe(request, e)
                + ": no such host", e);
        } catch (javax.net.ssl.SSLException | IllegalArgumentException e) {
            throw new ComposeException(Failure.GENERAL, "error during connect: " + describe(request, e), e);
        } catch (IOException e) {
            throw new ComposeException(Failure.GENERAL, "Cannot connect to the Docker daemon at " + host
                + ". Is the docker daemon running?", e);
        }
    }

    private String describe(Request request, Exception e) {
        String scheme = tls ? "https" : "http";
        return request.method() + " \"" + scheme + "://" + hostHeader + host.basePath() + request.path() + "\": "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private byte[] head(Request request) {
        String path = request.path();
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("invalid request path " + path);
        }
        StringBuilder sb = new StringBuilder(256);
        sb.append(request.method()).append(' ').append(host.basePath()).append(request.path()).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(hostHeader).append("\r\n");
        boolean hasAgent = false;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (!validHeader(name) || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("invalid HTTP header " + name);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") || lower.equals("transfer-encoding") || lower.equals("host")
                || lower.equals("connection") || lower.equals("upgrade")) {
                continue; // framing is ours to decide
            }
            hasAgent |= lower.equals("user-agent");
            sb.append(name).append(": ").append(value).append("\r\n");
        }
        if (!hasAgent) {
            sb.append("User-Agent: ").append(userAgent).append("\r\n");
        }
        if (request.hijackedInput() != null) {
            sb.append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        }
        byte[] fixed = request.bodyBytes();
        if (fixed != null) {
            sb.append("Content-Length: ").append(fixed.length).append("\r\n");
        } else if (request.body() != null) {
            sb.append("Transfer-Encoding: chunked\r\n");
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")
            && !request.method().equals("DELETE") && !request.method().equals("OPTIONS")) {
            sb.append("Content-Length: 0\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean validHeader(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                return false;
            }
        }
        return true;
    }

    private Response exchange(Connection connection, Request request, byte[] head, byte[] fixedBody)
        throws IOException {
        Wire wire = connection.wire;
        if (fixedBody != null && fixedBody.length <= INLINE_BODY_LIMIT) {
            byte[] all = new byte[head.length + fixedBody.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(fixedBody, 0, all, head.length, fixedBody.length);
            wire.write(all, 0, all.length);
        } else {
            wire.write(head, 0, head.length);
            if (fixedBody != null) {
                wire.write(fixedBody, 0, fixedBody.length);
            } else if (request.body() != null) {
                writeChunked(wire, request.body());
            }
        }
        boolean hijack = request.hijackedInput() != null;
        while (true) {
            StatusAndHeaders response = readHead(connection.in);
            int status = response.status;
            if (status >= 100 && status < 200 && status != 101) {
                continue; // 100 Continue and friends precede the real response
            }
            if (hijack && (status == 101 || (status >= 200 && status < 300))) {
                // docker-java treats anything outside 2xx as an error, so a successful upgrade reads as 200.
                StatusAndHeaders upgraded = new StatusAndHeaders(response.http11, 200, response.headers);
                HttpResponse result = new HttpResponse(this, connection, upgraded, Framing.UNTIL_CLOSE, -1, false);
                startStdinPump(connection.wire, request.hijackedInput());
                return result;
            }
            return frame(connection, request, response, hijack);
        }
    }

    private HttpResponse frame(Connection connection, Request request, StatusAndHeaders response, boolean hijack)
        throws IOException {
        int status = response.status;
        boolean keepAlive = response.http11 && !hijack && !response.hasToken("connection", "close");
        if (request.method().equals("HEAD") || status == 204 || status == 304 || status < 200) {
            return new HttpResponse(this, connection, response, Framing.EMPTY, 0, keepAlive);
        }
        String transferEncoding = response.first("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).endsWith("chunked")) {
            return new HttpResponse(this, connection, response, Framing.CHUNKED, -1, keepAlive);
        }
        String contentLength = response.first("content-length");
        if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                throw new IOException("invalid Content-Length: " + contentLength, e);
            }
            return new HttpResponse(this, connection, response, Framing.LENGTH, length, keepAlive);
        }
        return new HttpResponse(this, connection, response, Framing.UNTIL_CLOSE, -1, false);
    }

    private static void writeChunked(Wire wire, InputStream body) throws IOException {
        byte[] buffer = new byte[32 * 1024];
        byte[] frame = new byte[buffer.length + 16];
        int n;
        while ((n = body.read(buffer, 0, buffer.length)) >= 0) {
            if (n == 0) {
                continue;
            }
            byte[] size = (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(size, 0, frame, 0, size.length);
            System.arraycopy(buffer, 0, frame, size.length, n);
            frame[size.length + n] = '\r';
            frame[size.length + n + 1] = '\n';
            wire.write(frame, 0, size.length + n + 2);
        }
        byte[] last = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        wire.write(last, 0, last.length);
    }

    private static StatusAndHeaders readHead(HttpInput in) throws IOException {
        String statusLine = in.readLine();
        // "HTTP/1.1 200 OK"
        if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("malformed HTTP status line: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP status line: " + statusLine, e);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        while (true) {
            String line = in.readLine();
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed HTTP header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                .add(line.substring(colon + 1).strip());
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return new StatusAndHeaders(statusLine.startsWith("HTTP/1.1"), status,
            Collections.unmodifiableMap(headers));
    }

    private static void startStdinPump(Wire wire, InputStream stdin) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = stdin.read(buffer)) >= 0) {
                    if (n > 0) {
                        wire.write(buffer, 0, n);
                    }
                }
                wire.shutdownOutput();
            } catch (IOException | RuntimeException e) {
                // The connection was closed under us (response closed): nothing to report to.
            }
        }, "compose4j-docker-stdin");
        pump.setDaemon(true);
        pump.start();
    }

    private Connection checkout() {
        while (true) {
            Idle candidate;
            synchronized (poolLock) {
                candidate = idle.pollLast();
            }
            if (candidate == null) {
                return null;
            }
            if (System.nanoTime() - candidate.since > maxIdleNanos || candidate.connection.wire.isStale()) {
                candidate.connection.wire.close();
                continue;
            }
            return candidate.connection;
        }
    }

    void release(Connection connection) {
        if (!connection.wire.isOpen()) {
            return;
        }
        synchronized (poolLock) {
            if (!closed && idle.size() < maxIdle) {
                idle.addLast(new Idle(connection, System.nanoTime()));
                return;
            }
        }
        connection.wire.close();
    }

    /** Idle connections currently pooled (for tests). */
    int idleConnections() {
        synchronized (poolLock) {
            return idle.size();
        }
    }

    @Override
    public void close() {
        List<Idle> toClose;
        synchronized (poolLock) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> i.connection.wire.close());
    }

    static final class Connection {
        final Wire wire;
        final HttpInput in;

        Connection(Wire wire) {
            this.wire = wire;
            this.in = new HttpInput(wire);
        }
    }

    private record StatusAndHeaders(boolean http11, int status, Map<String, List<String>> headers) {
        String first(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        boolean hasToken(String name, String token) {
            List<String> values = headers.get(name);
            if (values == null) {
                return false;
            }
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (part.strip().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private enum Framing { EMPTY, LENGTH, CHUNKED, UNTIL_CLOSE }

    /**
     * A response whose body reads straight from the connection. The connection goes back to the pool when the body
     * ends (if the daemon keeps it alive), and is closed when the response is closed before that.
     */
    private static final class HttpResponse implements Response {
        private final JdkDockerHttpClient client;
        private final Connection connection;
        private final StatusAndHeaders head;
        private final Framing framing;
        private final boolean keepAlive;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final ReentrantLock readLock = new ReentrantLock();
        private final Body body;
        private long remaining;
        private boolean chunkTrailerPending;
        private boolean ended;
        private boolean draining;

        HttpResponse(JdkDockerHttpClient client, Connection connection, StatusAndHeaders head, Framing framing,
                     long length, boolean keepAlive) {
            this.client = client;
            this.connection = connection;
            this.head = head;
            this.framing = framing;
            this.keepAlive = keepAlive;
            this.remaining = length;
            this.body = new Body();
            if (framing == Framing.EMPTY || (framing == Framing.LENGTH && length == 0)) {
                ended = true;
                settle(keepAlive);
            }
        }

        @Override
        public int getStatusCode() {
            return head.status;
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return head.headers;
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public void close() {
            if (settled.get()) {
                return;
            }
            if (readLock.tryLock()) {
                try {
                    if (!ended && keepAlive && framing != Framing.UNTIL_CLOSE) {
                        drainBuffered();
                    }
                    settle(ended && keepAlive && framing != Framing.UNTIL_CLOSE);
                } finally {
                    readLock.unlock();
                }
            } else {
                settle(false); // a reader is blocked on the socket: closing it is what unblocks it
            }
        }

        private void settle(boolean reuse) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            if (reuse) {
                client.release(connection);
            } else {
                connection.wire.close();
            }
        }

        /** Consumes the rest of the body only as far as it is already buffered; never blocks. */
        private void drainBuffered() {
            byte[] skip = new byte[4096];
            draining = true;
            connection.in.bufferedOnly(true);
            try {
                while (!ended) {
                    readBody(skip, 0, skip.length);
                }
            } catch (IOException e) {
                ended = false; // WouldBlock or garbage: the connection is not reusable
            } finally {
                connection.in.bufferedOnly(false);
                draining = false;
            }
        }

        int readBody(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            switch (framing) {
                case LENGTH: {
                    if (remaining == 0) {
                        return end();
                    }
                    int n = connection.in.read(b, off, (int) Math.min(len, remaining));
                    if (n < 0) {
                        throw new EOFException("daemon closed the connection " + remaining + " bytes before the "
                            + "end of the response body");
                    }
                    remaining -= n;
                    if (remaining == 0) {
                        end();
                    }
                    return n;
                }
                case CHUNKED: {
                    if (remaining <= 0) {
                        if (chunkTrailerPending) {
                            expectEmptyLine();
                            chunkTrailerPending = false;
                        }
                        remaining = readChunkSize();
                        if (remaining == 0) {
                            while (!connection.in.readLine().isEmpty()) {
                                // trailers are ignored
                            }
                            return end();
                        }
                    }
                    int n = connection.in.read(b, off, (int) Math.min(len, remaining));
                    if (n < 0) {
                        throw new EOFException("daemon closed the connection inside a chunked response body");
                    }
                    remaining -= n;
                    if (remaining == 0) {
                        chunkTrailerPending = true;
                    }
                    return n;
                }
                case UNTIL_CLOSE: {
                    int n = connection.in.read(b, off, len);
                    if (n < 0) {
                        return end();
                    }
                    return n;
                }
                default:
                    return end();
            }
        }

        private int end() {
            ended = true;
            if (!draining) {
                settle(keepAlive && framing != Framing.UNTIL_CLOSE);
            }
            return -1;
        }

        private void expectEmptyLine() throws IOException {
            String line = connection.in.readLine();
            if (!line.isEmpty()) {
                throw new IOException("malformed chunked body: expected CRLF after chunk data");
            }
        }

        private long readChunkSize() throws IOException {
            String line = connection.in.readLine();
            int semi = line.indexOf(';');
            String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
            try {
                long size = Long.parseLong(hex, 16);
                if (size < 0) {
                    throw new NumberFormatException();
                }
                return size;
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size: " + line, e);
            }
        }

        private final class Body extends InputStream {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n;
                do {
                    n = read(one, 0, 1);
                } while (n == 0);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                if (len == 0) {
                    return 0;
                }
                readLock.lock();
                try {
                    if (settled.get() && !ended) {
                        throw new IOException("response closed");
                    }
                    return readBody(b, off, len);
                } catch (IOException e) {
                    settle(false);
                    if (e instanceof java.nio.channels.ClosedByInterruptException) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading the docker response");
                    }
                    throw e;
                } finally {
                    readLock.unlock();
                }
            }

            @Override
            public int available() {
                if (ended || settled.get()) {
                    return 0;
                }
                int buffered = connection.in.buffered();
                return framing == Framing.LENGTH ? (int) Math.min(buffered, remaining) : 0;
            }

            @Override
            public void close() {
                HttpResponse.this.close();
            }
        }
    }
}
