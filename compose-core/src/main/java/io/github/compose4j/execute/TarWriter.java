package io.github.compose4j.execute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tar archive of regular files, written as Go's {@code archive/tar} writes it when no format is
 * asked for: USTAR headers (long names split into prefix and name), a PAX extended header only for
 * what USTAR cannot hold, modification times rounded to the second, two zero blocks at the end and
 * no padding to a record size.
 *
 * <p>Built without arguments it collects the archive in memory ({@link #finish()}); built on a stream it
 * writes each entry as it is added (directories, symbolic links and files read from a stream too), for
 * archives too large to hold, such as build contexts. Write failures are {@link UncheckedIOException}s.
 */
public final class TarWriter {
    private static final int BLOCK = 512;
    private static final int NAME_SIZE = 100;
    private static final int PREFIX_SIZE = 155;

    private final OutputStream out;
    private final ByteArrayOutputStream memory;

    /** One regular file of an archive. */
    public record Entry(String name, byte[] content, long mode, long uid, long gid, Instant modTime) {
    }

    /** An archive collected in memory. */
    public TarWriter() {
        this.memory = new ByteArrayOutputStream();
        this.out = memory;
    }

    /** An archive written to {@code out} entry by entry; {@link #close()} ends it (and leaves {@code out} open). */
    public TarWriter(OutputStream out) {
        this.memory = null;
        this.out = out;
    }

    public TarWriter add(Entry e) {
        header(e.name(), e.mode(), e.uid(), e.gid(), e.content().length, e.modTime(), (byte) '0', "");
        writePadded(e.content());
        return this;
    }

    /** A directory; its name gets the trailing slash tar gives directories. */
    public TarWriter addDirectory(String name, long mode, long uid, long gid, Instant modTime) {
        header(name.endsWith("/") ? name : name + "/", mode, uid, gid, 0, modTime, (byte) '5', "");
        return this;
    }

    /** A symbolic link to {@code target}, kept as a link. */
    public TarWriter addSymlink(String name, String target, long mode, long uid, long gid, Instant modTime) {
        header(name, mode, uid, gid, 0, modTime, (byte) '2', target);
        return this;
    }

    /**
     * A regular file of {@code size} bytes read from {@code content}; a file that turns out shorter is padded
     * with zeros so that the archive stays valid, one that grew is cut at {@code size}.
     */
    public TarWriter addFile(String name, long size, long mode, long uid, long gid, Instant modTime,
                             InputStream content) throws IOException {
        header(name, mode, uid, gid, size, modTime, (byte) '0', "");
        byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(size, 1))];
        long left = size;
        int n;
        while (left > 0 && (n = content.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            out.write(buffer, 0, n);
            left -= n;
        }
        while (left > 0) {
            int zeros = (int) Math.min(buffer.length, left);
            java.util.Arrays.fill(buffer, 0, zeros, (byte) 0);
            out.write(buffer, 0, zeros);
            left -= zeros;
        }
        pad(size);
        return this;
    }

    /** The archive, closed with its two zero blocks (in-memory archives only). */
    public byte[] finish() {
        if (memory == null) {
            throw new IllegalStateException("a streamed archive has no bytes to return; close it");
        }
        memory.writeBytes(new byte[2 * BLOCK]);
        return memory.toByteArray();
    }

    /** Ends a streamed archive with its two zero blocks and flushes it. */
    public void close() {
        write(new byte[2 * BLOCK]);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header(String fullName, long mode, long uid, long gid, long size, Instant modTime, byte type,
                        String link) {
        Map<String, String> pax = new TreeMap<>();
        String name = fullName;
        String prefix = "";
        if (name.length() > NAME_SIZE || !isAscii(name)) {
            String[] split = splitUstarPath(name);
            if (split != null) {
                prefix = split[0];
                name = split[1];
            } else {
                pax.put("path", fullName);
            }
        }
        if (link.length() > NAME_SIZE || !isAscii(link)) {
            pax.put("linkpath", link);
        }
        long seconds = roundedSeconds(modTime);
        numeric(pax, "uid", uid, 8);
        numeric(pax, "gid", gid, 8);
        numeric(pax, "size", size, 12);
        numeric(pax, "mtime", seconds, 12);
        if (pax.isEmpty()) {
            writeHeader(name, prefix, mode, uid, gid, size, seconds, type, link);
        } else {
            writePax(fullName, pax);
            writeHeader(toAscii(fullName), "", mode, uid, gid, size, seconds, type, toAscii(link));
        }
    }

    private void writePax(String fullName, Map<String, String> pax) {
        StringBuilder records = new StringBuilder();
        pax.forEach((k, v) -> records.append(paxRecord(k, v)));
        byte[] data = records.toString().getBytes(StandardCharsets.UTF_8);
        String bare = fullName.endsWith("/") ? fullName.substring(0, fullName.length() - 1) : fullName;
        int slash = bare.lastIndexOf('/');
        String dir = bare.substring(0, slash + 1);
        String file = bare.substring(slash + 1);
        String paxName = clean(dir + "PaxHeaders.0/" + file);
        paxName = toAscii(paxName);
        if (paxName.length() > NAME_SIZE) {
            paxName = paxName.substring(0, NAME_SIZE);
        }
        while (paxName.endsWith("/")) {
            paxName = paxName.substring(0, paxName.length() - 1);
        }
        byte[] header = new byte[BLOCK];
        string(header, 0, NAME_SIZE, paxName);
        octal(header, 100, 8, 0);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, data.length);
        octal(header, 136, 12, 0);
        header[156] = 'x';
        magic(header);
        checksum(header);
        write(header);
        writePadded(data);
    }

    private void writeHeader(String name, String prefix, long mode, long uid, long gid, long size, long mtime,
                             byte type, String link) {
        byte[] h = new byte[BLOCK];
        string(h, 0, NAME_SIZE, name);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = type;
        string(h, 157, NAME_SIZE, link);
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        string(h, 345, PREFIX_SIZE, prefix);
        magic(h);
        checksum(h);
        write(h);
    }

    private void writePadded(byte[] data) {
        write(data);
        pad(data.length);
    }

    private void pad(long size) {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            write(new byte[BLOCK - rest]);
        }
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void numeric(Map<String, String> pax, String key, long value, int fieldSize) {
        if (!fitsInOctal(fieldSize, value)) {
            pax.put(key, Long.toString(value));
        }
    }

    private static boolean fitsInOctal(int fieldSize, long x) {
        long bits = (fieldSize - 1) * 3L;
        return x >= 0 && (fieldSize >= 22 || x < (1L << bits));
    }

    /** Go's {@code time.Round(time.Second)}: halves away from zero. */
    private static long roundedSeconds(Instant t) {
        long s = t.getEpochSecond();
        return t.getNano() >= 500_000_000 ? s + 1 : s;
    }

    /** A {@code prefix/name} split for USTAR, or null when the path cannot be split that way. */
    static String[] splitUstarPath(String name) {
        int length = name.length();
        if (length <= NAME_SIZE || !isAscii(name)) {
            return null;
        } else if (length > PREFIX_SIZE + 1) {
            length = PREFIX_SIZE + 1;
        } else if (name.charAt(length - 1) == '/') {
            length--;
        }
        int i = name.substring(0, length).lastIndexOf('/');
        int nameLength = name.length() - i - 1;
        if (i <= 0 || nameLength > NAME_SIZE || nameLength == 0 || i > PREFIX_SIZE) {
            return null;
        }
        return new String[] {name.substring(0, i), name.substring(i + 1)};
    }

    static String paxRecord(String key, String value) {
        int size = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length + 3;
        size += Integer.toString(size).length();
        String record = size + " " + key + "=" + value + "\n";
        int actual = record.getBytes(StandardCharsets.UTF_8).length;
        if (actual != size) {
            size = actual;
            record = size + " " + key + "=" + value + "\n";
        }
        return record;
    }

    /** Copied into the field, truncated to it, NUL-terminated when shorter. */
    private static void string(byte[] h, int offset, int size, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, offset, Math.min(b.length, size));
        if (b.length < size) {
            h[offset + b.length] = 0;
        }
    }

    private static void octal(byte[] h, int offset, int size, long value) {
        String s = fitsInOctal(size, value) ? Long.toOctalString(value) : "0";
        StringBuilder padded = new StringBuilder();
        for (int n = size - s.length() - 1; n > 0; n--) {
            padded.append('0');
        }
        padded.append(s);
        string(h, offset, size, padded.toString());
    }

    private static void magic(byte[] h) {
        string(h, 257, 6, "ustar");
        string(h, 263, 2, "00");
    }

    private static void checksum(byte[] h) {
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String toAscii(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x80) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    private static String clean(String p) {
        return io.github.compose4j.load.canonical.GoPaths.clean(p);
    }
}
