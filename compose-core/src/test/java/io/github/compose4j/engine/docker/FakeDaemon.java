package io.github.compose4j.engine.docker;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted HTTP server on a unix socket, one thread per connection, for testing the transport byte by byte.
 * The handler sees each parsed request and writes whatever raw response it likes; returning false closes the
 * connection.
 */
final class FakeDaemon implements AutoCloseable {
    interface Handler {
        boolean handle(Received request, InputStream in, OutputStream out) throws IOException;
    }

    record Received(String method, String path, Map<String, String> headers, byte[] body, int connection) {
        String header(String name) {
            return headers.get(name);
        }
    }

    final Path socket;
    final List<Received> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocketChannel server;
    private final Thread acceptor;

    FakeDaemon(Path dir, Handler handler) throws IOException {
        this.socket = dir.resolve("fake.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.acceptor = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel channel = server.accept();
                    int id = connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(channel, id, handler), "fake-daemon-conn-" + id);
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-daemon-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    DockerEndpoint endpoint() {
        return DockerEndpoint.of("unix://" + socket, socket.getParent());
    }

    private void serve(SocketChannel channel, int id, Handler handler) {
        try (channel) {
            InputStream in = Channels.newInputStream(channel);
            OutputStream out = Channels.newOutputStream(channel);
            while (true) {
                Received request = readRequest(in, id);
                if (request == null) {
                    return;
                }
                requests.add(request);
                if (!handler.handle(request, in, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    static Received readRequest(InputStream in, int id) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String h;
        while (!(h = line(in)).isEmpty()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        byte[] body = new byte[0];
        if (headers.containsKey("Content-Length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
        } else if ("chunked".equals(String.valueOf(headers.get("Transfer-Encoding")).toLowerCase(Locale.ROOT))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line(in), 16);
                if (size == 0) {
                    line(in);
                    break;
                }
                all.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        }
        return new Received(parts[0], parts[1], headers, body, id);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                if (buf.size() == 0) {
                    return null;
                }
                throw new EOFException();
            }
            buf.write(c);
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
