package io.github.compose4j.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadLimitedTest {
    @TempDir
    Path dir;

    @Test
    void aHundredMegabyteFileIsRefusedFromItsSize() throws Exception {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024); // sparse: nothing to read, so refusing must not read it
        }
        long start = System.nanoTime();
        ComposeException e = catchThrowableOfType(ComposeException.class,
                () -> YamlParser.readLimited(big, YamlLimits.DEFAULT.maxBytes()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE);
        assertThat(e.getMessage()).isEqualTo(big + ": the file is too large to load (104857600 bytes; the limit is "
                + "67108864 bytes)");
    }

    @Test
    void readsUtf8AndDropsTheByteOrderMark() throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', (byte) 0xC3, (byte) 0xA9});
        assertThat(YamlParser.readLimited(f, 100)).isEqualTo("a: é");
    }

    @Test
    void readsUtf16WithAByteOrderMark() throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.write(f, new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, ':', 0, ' ', 0, '1', 0});
        assertThat(YamlParser.readLimited(f, 100)).isEqualTo("a: 1");
    }

    @Test
    void refusesInvalidUtf8WithItsPosition() throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.write(f, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xFF});
        ComposeException e = catchThrowableOfType(ComposeException.class, () -> YamlParser.readLimited(f, 100));
        assertThat(e.getMessage()).isEqualTo(f + ":2:4: yaml: invalid UTF-8 text");
        assertThat(e.exitCode()).isEqualTo(15);
    }

    @Test
    void aMissingFileIsExit14WithComposesMessage() {
        Path f = dir.resolve("nope.yaml");
        ComposeException e = catchThrowableOfType(ComposeException.class, () -> YamlParser.readLimited(f, 100));
        assertThat(e.failure()).isEqualTo(Failure.FILE_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("open " + f + ": no such file or directory");
    }

    @Test
    void aDirectoryIsNotAFile() {
        ComposeException e = catchThrowableOfType(ComposeException.class, () -> YamlParser.readLimited(dir, 100));
        assertThat(e.getMessage()).isEqualTo("read " + dir + ": is a directory");
    }

    @Test
    void theLimitIsInclusive() throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.writeString(f, "a: 12345");
        assertThat(YamlParser.readLimited(f, 8)).isEqualTo("a: 12345");
        assertThat(catchThrowableOfType(ComposeException.class, () -> YamlParser.readLimited(f, 7)).getMessage())
                .contains("(8 bytes; the limit is 7 bytes)");
    }
}
