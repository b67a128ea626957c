package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {

    @Test
    void readsObjectsInOrderWithTypedScalars() {
        MapNode map = (MapNode) JsonReader.read(" {\"b\": 1, \"a\": [true, null, -2.5e1, \"s\"], \"c\": {}} ");
        assertThat(map.keys()).containsExactly("b", "a", "c");
        assertThat(((ScalarNode) map.get("b")).value()).isEqualTo(1L);
        assertThat(((SeqNode) map.get("a")).items()).extracting(n -> ((ScalarNode) n).value())
                .containsExactly(true, null, -25.0, "s");
        assertThat(((MapNode) map.get("c")).isEmpty()).isTrue();
    }

    @Test
    void decodesEscapes() {
        SeqNode seq = (SeqNode) JsonReader.read("[\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\"]");
        assertThat(((ScalarNode) seq.get(0)).value()).isEqualTo("a\"b\\c/d\n\té\uD83D\uDE00");
    }

    @Test
    void integersBeyondALongAreDoubles() {
        SeqNode seq = (SeqNode) JsonReader.read("[9223372036854775807, 9223372036854775808]");
        assertThat(List.of(((ScalarNode) seq.get(0)).value(), ((ScalarNode) seq.get(1)).value()))
                .containsExactly(Long.MAX_VALUE, 9.223372036854775808e18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"a", "[1] x", "{a: 1}",
            "\"\\x\"", "\"\u0001\""})
    void rejectsMalformedJson(String text) {
        assertThatThrownBy(() -> JsonReader.read(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
