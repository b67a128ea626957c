package io.github.compose4j.oneoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Tar streams of local files for {@code cp}, written and extracted as the docker CLI's archive package does:
 * directories, regular files and symbolic links; names longer than USTAR holds in a PAX {@code path} record;
 * the top entry renamed when the copy's destination has another name.
 */
final class LocalArchive {
    private static final int BLOCK = 512;

    private LocalArchive() {
    }

    /**
     * Writes {@code source} (a file or a directory tree) as a tar stream, its top entry named {@code topName}.
     * With {@code followLink} a symbolic link given as the source is copied as what it points to.
     */
    static void write(Path source, String topName, boolean followLink, boolean withOwners, OutputStream out)
            throws IOException {
        Path top = followLink ? source.toRealPath() : source;
        writeTree(top, topName, withOwners, out);
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }

    private static void writeTree(Path path, String name, boolean withOwners, OutputStream out) throws IOException {
        int uid = 0;
        int gid = 0;
        if (withOwners) {
            try {
                uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                gid = (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // No unix attributes here: owned by root in the container.
            }
        }
        long mtime = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).to(java.util.concurrent.TimeUnit.SECONDS);
        if (Files.isSymbolicLink(path)) {
            header(out, name, 0777, uid, gid, 0, mtime, '2', Files.readSymbolicLink(path).toString());
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            header(out, name + "/", mode(path), uid, gid, 0, mtime, '5', "");
            List<Path> children;
            try (Stream<Path> list = Files.list(path)) {
                children = new ArrayList<>(list.toList());
            }
            children.sort(null);
            for (Path child : children) {
                writeTree(child, name + "/" + child.getFileName(), withOwners, out);
            }
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            long size = Files.size(path);
            header(out, name, mode(path), uid, gid, size, mtime, '0', "");
            long written = 0;
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buffer = new byte[32 * 1024];
                int n;
                while (written < size && (n = in.read(buffer, 0, (int) Math.min(buffer.length, size - written))) > 0) {
                    out.write(buffer, 0, n);
                    written += n;
                }
            }
            if (written < size) {
                out.write(new byte[(int) (size - written)]); // the file shrank meanwhile: keep the archive valid
            }
            pad(out, size);
        }
        // Sockets, devices and pipes are skipped, as there is nothing to copy.
    }

    private static long mode(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            long mode = 0;
            for (PosixFilePermission p : perms) {
                mode |= 1L << (8 - p.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException | IOException e) {
            return Files.isDirectory(path) ? 0755 : 0644;
        }
    }

    private static void header(OutputStream out, String name, long mode, long uid, long gid, long size, long mtime,
                               char type, String linkName) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] linkBytes = linkName.getBytes(StandardCharsets.UTF_8);
        Map<String, String> pax = new TreeMap<>();
        if (nameBytes.length > 100) {
            pax.put("path", name);
        }
        if (linkBytes.length > 100) {
            pax.put("linkpath", linkName);
        }
        if (!pax.isEmpty()) {
            StringBuilder records = new StringBuilder();
            pax.forEach((k, v) -> records.append(record(k, v)));
            byte[] data = records.toString().getBytes(StandardCharsets.UTF_8);
            out.write(block("PaxHeaders.0/" + shorten(name), 0644, 0, 0, data.length, mtime, 'x', ""));
            out.write(data);
            pad(out, data.length);
        }
        out.write(block(shorten(name), mode, uid, gid, size, mtime, type, shorten(linkName)));
    }

    private static String shorten(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= 100 ? s : new String(b, b.length - 100, 100, StandardCharsets.UTF_8);
    }

    private static String record(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int len = body.getBytes(StandardCharsets.UTF_8).length;
        int total = len + Integer.toString(len).length();
        if (Integer.toString(total).length() != Integer.toString(len).length()) {
            total++;
        }
        return total + body;
    }

    private static byte[] block(String name, long mode, long uid, long gid, long size, long mtime, char type,
                                String linkName) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) type;
        put(h, 157, 100, linkName);
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String digits = String.format("%06o", sum);
        put(h, 148, 6, digits);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int offset, int size, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, offset, Math.min(b.length, size));
    }

    private static void octal(byte[] h, int offset, int size, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, size - 1 - digits.length())) + digits;
        put(h, offset, size - 1, padded);
    }

    private static void pad(OutputStream out, long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    /**
     * Extracts a tar stream into {@code directory}; entries under {@code fromTop} are renamed under
     * {@code toTop} (when they differ). Entries that would land outside the directory are refused.
     */
    static void extract(InputStream in, Path directory, String fromTop, String toTop) throws IOException {
        byte[] h = new byte[BLOCK];
        String paxPath = null;
        String paxLink = null;
        Path root = directory.toAbsolutePath().normalize();
        List<Object[]> directoryTimes = new ArrayList<>();
        while (readFully(in, h)) {
            if (isZero(h)) {
                break;
            }
            String name = field(h, 0, 100);
            String prefix = field(h, 345, 155);
            if (!prefix.isEmpty() && h[257] == 'u') {
                name = prefix + "/" + name;
            }
            long size = parseOctal(h, 124, 12);
            long mode = parseOctal(h, 100, 8);
            long mtime = parseOctal(h, 136, 12);
            char type = (char) h[156];
            String link = field(h, 157, 100);
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                byte[] data = readData(in, size);
                if (type == 'x') {
                    Map<String, String> records = paxRecords(data);
                    paxPath = records.getOrDefault("path", paxPath);
                    paxLink = records.getOrDefault("linkpath", paxLink);
                } else if (type == 'L') {
                    paxPath = cString(data);
                } else if (type == 'K') {
                    paxLink = cString(data);
                }
                continue;
            }
            if (paxPath != null) {
                name = paxPath;
            }
            if (paxLink != null) {
                link = paxLink;
            }
            paxPath = null;
            paxLink = null;
            String rel = rebase(trimSlashes(name), fromTop, toTop);
            Path target = root.resolve(rel).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("invalid archive entry " + name);
            }
            switch (type) {
                case '5' -> {
                    Files.createDirectories(target);
                    setMode(target, mode);
                    directoryTimes.add(new Object[] {target, mtime});
                    skip(in, size);
                }
                case '2' -> {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(link));
                    skip(in, size);
                }
                case '0', '\0', '7' -> {
                    Files.createDirectories(target.getParent());
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException("cannot overwrite directory " + target + " with a file");
                    }
                    try (OutputStream out = Files.newOutputStream(target)) {
                        long left = size;
                        byte[] buffer = new byte[32 * 1024];
                        while (left > 0) {
                            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                            if (n < 0) {
                                throw new IOException("truncated archive");
                            }
                            out.write(buffer, 0, n);
                            left -= n;
                        }
                    }
                    skipPadding(in, size);
                    setMode(target, mode);
                    Files.setLastModifiedTime(target, FileTime.from(mtime, java.util.concurrent.TimeUnit.SECONDS));
                }
                default -> skip(in, size);
            }
        }
        for (Object[] d : directoryTimes) {
            Files.setLastModifiedTime((Path) d[0], FileTime.from((Long) d[1], java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    static String rebase(String name, String fromTop, String toTop) {
        if (fromTop.isEmpty() || fromTop.equals(toTop)) {
            return name;
        }
        if (name.equals(fromTop)) {
            return toTop;
        }
        if (name.startsWith(fromTop + "/")) {
            return toTop + name.substring(fromTop.length());
        }
        return name;
    }

    private static String trimSlashes(String name) {
        String n = name;
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    private static void setMode(Path target, long mode) {
        try {
            Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission p : PosixFilePermission.values()) {
                if ((mode & (1L << (8 - p.ordinal()))) != 0) {
                    perms.add(p);
                }
            }
            Files.setPosixFilePermissions(target, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // Permissions are best effort, as with the docker CLI on other systems.
        }
    }

    private static Map<String, String> paxRecords(byte[] data) {
        Map<String, String> out = new TreeMap<>();
        int i = 0;
        while (i < data.length) {
            int space = i;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space >= data.length) {
                break;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                break;
            }
            if (len <= 0 || i + len > data.length) {
                break;
            }
            String record = new String(data, space + 1, i + len - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                out.put(record.substring(0, eq), record.substring(eq + 1));
            }
            i += len;
        }
        return out;
    }

    private static String cString(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes((int) size);
        skipPadding(in, size);
        return data;
    }

    private static void skip(InputStream in, long size) throws IOException {
        long total = size + (size % BLOCK == 0 ? 0 : BLOCK - size % BLOCK);
        in.skipNBytes(total);
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        if (size % BLOCK != 0) {
            in.skipNBytes(BLOCK - size % BLOCK);
        }
    }

    private static boolean readFully(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, b.length);
        return n == b.length;
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] h, int offset, int size) {
        int end = offset;
        while (end < offset + size && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long parseOctal(byte[] h, int offset, int size) {
        if ((h[offset] & 0x80) != 0) { // base-256, for values too large for octal
            long v = h[offset] & 0x7f;
            for (int i = 1; i < size; i++) {
                v = (v << 8) | (h[offset + i] & 0xff);
            }
            return v;
        }
        String s = field(h, offset, size).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
}
