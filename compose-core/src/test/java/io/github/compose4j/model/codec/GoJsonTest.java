package io.github.compose4j.model.codec;

import io.github.compose4j.model.Bytes;
import io.github.compose4j.model.Duration;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GoJsonTest {
    @Test
    void escapesHtmlCharactersAndControlCharactersLikeGo() {
        assertThat(GoJson.compact("a<b>&\"\\\n\t\u0001\u2028")).isEqualTo("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\t\\u0001\\u2028\"");
    }

    @Test
    void sortsMapKeysByCodePoint() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1L);
        m.put("B", 2L);
        m.put("a", 3L);
        assertThat(GoJson.compact(m)).isEqualTo("{\"B\":2,\"a\":3,\"b\":1}");
    }

    @Test
    void indentsLikeMarshalIndentWithEmptyCollectionsInline() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("e", Map.of());
        m.put("l", List.of(1L));
        m.put("z", List.of());
        assertThat(GoJson.indented(m)).isEqualTo("{\n  \"e\": {},\n  \"l\": [\n    1\n  ],\n  \"z\": []\n}");
    }

    @Test
    void formatsFloatsTheGoWay() {
        assertThat(GoJson.formatFloat(0.5f, 32)).isEqualTo("0.5");
        assertThat(GoJson.formatFloat(1.1f, 32)).isEqualTo("1.1");
        assertThat(GoJson.formatFloat(2.0, 64)).isEqualTo("2");
        assertThat(GoJson.formatFloat(1e21, 64)).isEqualTo("1e+21");
        assertThat(GoJson.formatFloat(1e-7, 64)).isEqualTo("1e-7");
        assertThat(GoJson.formatFloat(123456789.0, 64)).isEqualTo("123456789");
    }

    @Test
    void writesBytesAsDecimalStringAndDurationsAsGoText() {
        assertThat(GoJson.compact(new Bytes(1024))).isEqualTo("\"1024\"");
        assertThat(GoJson.compact(new Duration(90_000_000_000L))).isEqualTo("\"1m30s\"");
        assertThat(GoJson.compact(Optional.empty())).isEqualTo("null");
    }

    @Test
    void goDurationText() {
        assertThat(new Duration(0).toString()).isEqualTo("0s");
        assertThat(new Duration(1_500_000_000L).toString()).isEqualTo("1.5s");
        assertThat(new Duration(300_000_000L).toString()).isEqualTo("300ms");
        assertThat(new Duration(1_000L).toString()).isEqualTo("1µs");
        assertThat(new Duration(3_723_000_000_000L).toString()).isEqualTo("1h2m3s");
        assertThat(new Duration(-2_000_000_000L).toString()).isEqualTo("-2s");
        assertThat(new Duration(3_600_000_000_000L).toString()).isEqualTo("1h0m0s");
    }
}
