package io.github.compose4j.execute;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tar archive of regular files, written as Go's {@code archive/tar} writes it when no format is
 * asked for: USTAR headers (long names split into prefix and name), a PAX extended header only for
 * what USTAR cannot hold, modification times rounded to the second, two zero blocks at the end and
 * no padding to a record size.
 */
public final class TarWriter {
    private static final int BLOCK = 512;
    private static final int NAME_SIZE = 100;
    private static final int PREFIX_SIZE = 155;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** One regular file of an archive. */
    public record Entry(String name, byte[] content, long mode, long uid, long gid, Instant modTime) {
    }

    public TarWriter add(Entry e) {
        Map<String, String> pax = new TreeMap<>();
        String name = e.name();
        String prefix = "";
        boolean ascii = isAscii(name);
        if (name.length() > NAME_SIZE || !ascii) {
            String[] split = splitUstarPath(name);
            if (split != null) {
                prefix = split[0];
                name = split[1];
            } else {
                pax.put("path", e.name());
            }
        }
        long seconds = roundedSeconds(e.modTime());
        numeric(pax, "uid", e.uid(), 8);
        numeric(pax, "gid", e.gid(), 8);
        numeric(pax, "size", e.content().length, 12);
        numeric(pax, "mtime", seconds, 12);
        if (pax.isEmpty()) {
            writeHeader(name, prefix, e.mode(), e.uid(), e.gid(), e.content().length, seconds, (byte) '0', true);
        } else {
            writePax(e, pax, seconds);
        }
        writePadded(e.content());
        return this;
    }

    /** The archive, closed with its two zero blocks. */
    public byte[] finish() {
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private void writePax(Entry e, Map<String, String> pax, long seconds) {
        StringBuilder records = new StringBuilder();
        pax.forEach((k, v) -> records.append(paxRecord(k, v)));
        byte[] data = records.toString().getBytes(StandardCharsets.UTF_8);
        int slash = e.name().lastIndexOf('/');
        String dir = e.name().substring(0, slash + 1);
        String file = e.name().substring(slash + 1);
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
        out.writeBytes(header);
        writePadded(data);
        writeHeader(toAscii(e.name()), "", e.mode(), e.uid(), e.gid(), e.content().length, seconds, (byte) '0', true);
    }

    private void writeHeader(String name, String prefix, long mode, long uid, long gid, long size, long mtime,
                             byte type, boolean ustarFields) {
        byte[] h = new byte[BLOCK];
        string(h, 0, NAME_SIZE, name);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = type;
        if (ustarFields) {
            octal(h, 329, 8, 0);
            octal(h, 337, 8, 0);
        }
        string(h, 345, PREFIX_SIZE, prefix);
        magic(h);
        checksum(h);
        out.writeBytes(h);
    }

    private void writePadded(byte[] data) {
        out.writeBytes(data);
        int rest = data.length % BLOCK;
        if (rest != 0) {
            out.writeBytes(new byte[BLOCK - rest]);
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
