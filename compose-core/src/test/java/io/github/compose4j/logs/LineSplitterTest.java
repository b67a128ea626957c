package io.github.compose4j.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineSplitterTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChunkOfWholeLinesGivesThemAll() {
        assertThat(new LineSplitter().feed(bytes("a\nb\n"))).containsExactly("a", "b");
    }

    @Test
    void aLineCutAcrossChunksComesOutWholeOnceItEnds() {
        LineSplitter s = new LineSplitter();

        assertThat(s.feed(bytes("hel"))).isEmpty();
        assertThat(s.feed(bytes("lo\nwor"))).containsExactly("hello");
        assertThat(s.feed(bytes("ld\n"))).containsExactly("world");
    }

    @Test
    void aCharacterCutAcrossChunksIsDecodedWhole() {
        byte[] e = bytes("é\n");
        LineSplitter s = new LineSplitter();
        s.feed(Arrays.copyOfRange(e, 0, 1));

        assertThat(s.feed(Arrays.copyOfRange(e, 1, e.length))).containsExactly("é");
    }

    @Test
    void theUnterminatedLastLineComesOutAtTheEnd() {
        LineSplitter s = new LineSplitter();
        s.feed(bytes("a\ntail"));

        assertThat(s.finish()).containsExactly("tail");
        assertThat(s.finish()).isEmpty();
    }

    @Test
    void emptyLinesAreKept() {
        assertThat(new LineSplitter().feed(bytes("\n\nx\n"))).containsExactly("", "", "x");
    }

    @Test
    void aLineLongerThanTheLimitIsPassedOnInPieces() {
        LineSplitter s = new LineSplitter();
        byte[] huge = new byte[LineSplitter.MAX_LINE + 10];
        Arrays.fill(huge, (byte) 'x');

        assertThat(s.feed(huge)).singleElement().satisfies(l -> assertThat(l).hasSize(LineSplitter.MAX_LINE));
        assertThat(s.feed(bytes("\n"))).singleElement().satisfies(l -> assertThat(l).hasSize(10));
    }
}
