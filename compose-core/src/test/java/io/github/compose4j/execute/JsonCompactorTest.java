package io.github.compose4j.execute;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCompactorTest {
    @Test
    void whitespaceOutsideStringsGoes() throws Exception {
        assertThat(JsonCompactor.compact(" {\n \"a b\" : [ 1 , -2.5e+3 , true , null ] ,\t\"c\":{ } }\n"))
                .isEqualTo("{\"a b\":[1,-2.5e+3,true,null],\"c\":{}}");
    }

    @Test
    void stringsAreCopiedAsWritten() throws Exception {
        assertThat(JsonCompactor.compact("[\"\\u00e9 \\\" <&>\", \"é\"]")).isEqualTo("[\"\\u00e9 \\\" <&>\",\"é\"]");
    }

    @Test
    void syntaxErrorsUseGoWording() {
        assertThatThrownBy(() -> JsonCompactor.compact("{\"a\" 1}"))
                .hasMessage("invalid character '1' after object key");
        assertThatThrownBy(() -> JsonCompactor.compact("[1,]"))
                .hasMessage("invalid character ']' looking for beginning of value");
        assertThatThrownBy(() -> JsonCompactor.compact("{\"a\":1"))
                .hasMessage("unexpected end of JSON input");
        assertThatThrownBy(() -> JsonCompactor.compact("{} x"))
                .hasMessage("invalid character 'x' after top-level value");
        assertThatThrownBy(() -> JsonCompactor.compact("{'a':1}"))
                .hasMessage("invalid character '\\'' looking for beginning of object key string");
    }
}
