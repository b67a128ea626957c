package io.github.compose4j.engine.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One open byte stream to the daemon. Reads and writes may run concurrently from two threads (a hijacked
 * connection reads output while a pump writes stdin), which is why channels are driven directly instead of through
 * {@code java.nio.channels.Channels} streams: on Java 17 those lock the channel's blocking lock for the whole of a
 * blocking read, so a concurrent write would wait for it.
 */
interface Wire {
    int read(byte[] buffer, int offset, int length) throws IOException;

    void write(byte[] buffer, int offset, int length) throws IOException;

    /** Half-close: tells the daemon our side is done (stdin ended) while its output keeps flowing. */
    void shutdownOutput() throws IOException;

    /** Idempotent; unblocks a thread blocked in {@link #read}. */
    void close();

    boolean isOpen();

    /** For an idle pooled connection: true if the peer closed it (or sent something unexpected) meanwhile. */
    boolean isStale();

    /** Opens new wires to one daemon address. */
    interface Connector {
        Wire open() throws IOException;
    }

    static Connector unix(Path socket) {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        return () -> {
            SocketChannel channel = SocketChannel.open(address);
            return new ChannelWire(channel);
        };
    }

    static Connector tcp(String host, int port, int connectTimeoutMillis) {
        return () -> {
            SocketChannel channel = SocketChannel.open();
            try {
                channel.socket().connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                channel.socket().setTcpNoDelay(true);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new ChannelWire(channel);
        };
    }

    static Connector tls(String host, int port, int connectTimeoutMillis, SSLContext context, boolean verifyHost) {
        return () -> {
            Socket plain = new Socket();
            try {
                plain.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                plain.setTcpNoDelay(true);
                SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
                if (verifyHost) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
                return new SocketWire(socket);
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        };
    }

    /** Unix-domain or plain TCP socket channel in blocking mode. */
    final class ChannelWire implements Wire {
        private final SocketChannel channel;

        ChannelWire(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return channel.read(ByteBuffer.wrap(buffer, offset, length));
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            ByteBuffer bb = ByteBuffer.wrap(buffer, offset, length);
            while (bb.hasRemaining()) {
                channel.write(bb);
            }
        }

        @Override
        public void shutdownOutput() throws IOException {
            channel.shutdownOutput();
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing left to release.
            }
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public boolean isStale() {
            if (!channel.isOpen()) {
                return true;
            }
            try {
                channel.configureBlocking(false);
                try {
                    return channel.read(ByteBuffer.allocate(1)) != 0;
                } finally {
                    channel.configureBlocking(true);
                }
            } catch (IOException e) {
                return true;
            }
        }
    }

    /** A TLS socket; staleness cannot be probed without blocking, so failed reuse is retried instead. */
    final class SocketWire implements Wire {
        private final SSLSocket socket;
        private final InputStream in;
        private final OutputStream out;

        SocketWire(SSLSocket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, length);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            out.flush();
        }

        @Override
        public void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing left to release.
            }
        }

        @Override
        public boolean isOpen() {
            return !socket.isClosed();
        }

        @Override
        public boolean isStale() {
            return socket.isClosed() || socket.isInputShutdown();
        }
    }
}
