package io.github.compose4j.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Minimal ustar archives of regular files, as Compose sends secrets and configs. */
public final class TestTar {
    private static final int BLOCK = 512;

    private TestTar() {
    }

    /** An archive of the given files (relative paths, mode 0644, owner 0:0). */
    public static byte[] of(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            byte[] header = new byte[BLOCK];
            put(header, 0, name, 100);
            put(header, 100, octal(0644, 8), 8);
            put(header, 108, octal(0, 8), 8);
            put(header, 116, octal(0, 8), 8);
            put(header, 124, octal(content.length, 12), 12);
            put(header, 136, octal(0, 12), 12);
            header[156] = '0';
            put(header, 257, "ustar", 6);
            put(header, 263, "00", 2);
            for (int i = 148; i < 156; i++) {
                header[i] = ' ';
            }
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, octal(sum, 7), 6);
            header[154] = 0;
            header[155] = ' ';
            out.writeBytes(header);
            out.writeBytes(content);
            out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        });
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    /** The regular files of an archive by name (with the ustar prefix), in archive order. */
    public static Map<String, byte[]> read(byte[] archive) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        int offset = 0;
        while (offset + BLOCK <= archive.length && archive[offset] != 0) {
            String name = field(archive, offset, 100);
            String prefix = field(archive, offset + 345, 155);
            String size = field(archive, offset + 124, 12).trim();
            long length = size.isEmpty() ? 0 : Long.parseLong(size, 8);
            byte type = archive[offset + 156];
            int start = offset + BLOCK;
            if (type == '0' || type == 0) {
                byte[] content = new byte[(int) length];
                System.arraycopy(archive, start, content, 0, (int) length);
                files.put(prefix.isEmpty() ? name : prefix + "/" + name, content);
            }
            offset = start + (int) ((length + BLOCK - 1) / BLOCK * BLOCK);
        }
        return files;
    }

    private static String octal(long value, int width) {
        String digits = Long.toOctalString(value);
        return "0".repeat(Math.max(0, width - 1 - digits.length())) + digits;
    }

    private static void put(byte[] header, int offset, String value, int length) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }

    private static String field(byte[] archive, int offset, int length) {
        int end = offset;
        while (end < offset + length && archive[end] != 0) {
            end++;
        }
        return new String(archive, offset, end - offset, StandardCharsets.UTF_8);
    }
}
