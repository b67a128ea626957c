package io.github.compose4j.execute;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TarWriterTest {
    private static final Instant T = Instant.ofEpochSecond(1_800_000_000L, 600_000_000);

    private static byte[] tar(String name, long uid) {
        return new TarWriter().add(new TarWriter.Entry(name, "abc".getBytes(StandardCharsets.UTF_8), 0444, uid, 0, T))
                .finish();
    }

    private static String raw(byte[] b, int offset, int size) {
        return new String(b, offset, size, StandardCharsets.ISO_8859_1);
    }

    @Test
    void ustarHeaderFieldsAsGoWritesThem() {
        byte[] t = tar("/run/secrets/s", 0);
        assertThat(raw(t, 100, 8)).isEqualTo("0000444\0");
        assertThat(raw(t, 108, 8)).isEqualTo("0000000\0");
        assertThat(raw(t, 124, 12)).isEqualTo("00000000003\0");
        // 1.6 s past the second rounds up, as Go's Round(time.Second) does.
        assertThat(raw(t, 136, 12)).isEqualTo("15322351001\0");
        assertThat(raw(t, 156, 1)).isEqualTo("0");
        assertThat(raw(t, 257, 8)).isEqualTo("ustar\00000");
        assertThat(raw(t, 329, 16)).isEqualTo("0000000\0" + "0000000\0");
        assertThat(raw(t, 512, 3)).isEqualTo("abc");
    }

    @Test
    void checksumIsTheByteSumWithTheFieldAsSpaces() {
        byte[] t = tar("/a", 0);
        byte[] header = Arrays.copyOf(t, 512);
        Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        assertThat(raw(t, 148, 8)).isEqualTo(String.format("%06o", sum) + "\0 ");
    }

    @Test
    void longNamesAreSplitIntoPrefixAndName() {
        String dir = "/" + "d".repeat(120);
        byte[] t = tar(dir + "/file", 0);
        assertThat(raw(t, 0, 5)).isEqualTo("file\0");
        assertThat(raw(t, 345, dir.length() + 1)).isEqualTo(dir + "\0");
    }

    @Test
    void whatUstarCannotHoldGoesToAPaxHeader() {
        byte[] t = tar("/" + "x".repeat(120), 3_000_000);
        assertThat(raw(t, 0, 18)).isEqualTo("/PaxHeaders.0/xxxx");
        assertThat(raw(t, 156, 1)).isEqualTo("x");
        String records = "131 path=/" + "x".repeat(120) + "\n" + "15 uid=3000000\n";
        assertThat(raw(t, 512, records.length())).isEqualTo(records);
        assertThat(raw(t, 1024 + 108, 8)).isEqualTo("0000000\0");
        assertThat(raw(t, 1024 + 156, 1)).isEqualTo("0");
    }

    @Test
    void paxRecordLengthCountsItsOwnDigits() {
        assertThat(TarWriter.paxRecord("path", "a".repeat(90))).startsWith("99 path=");
        assertThat(TarWriter.paxRecord("path", "a".repeat(91))).startsWith("101 path=");
        assertThat(TarWriter.paxRecord("uid", "7")).isEqualTo("8 uid=7\n");
    }
}
