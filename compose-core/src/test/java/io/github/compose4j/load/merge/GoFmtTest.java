package io.github.compose4j.load.merge;

import static io.github.compose4j.load.merge.Trees.map;
import static io.github.compose4j.load.merge.Trees.node;
import static io.github.compose4j.load.merge.Trees.seq;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoFmtTest {

    @Test
    void verbV() {
        assertThat(GoFmt.v(node("a"))).isEqualTo("a");
        assertThat(GoFmt.v(node(80))).isEqualTo("80");
        assertThat(GoFmt.v(node(0.5))).isEqualTo("0.5");
        assertThat(GoFmt.v(node(1e21))).isEqualTo("1e+21");
        assertThat(GoFmt.v(node(true))).isEqualTo("true");
        assertThat(GoFmt.v(node(null))).isEqualTo("<nil>");
        assertThat(GoFmt.v(map("b", 1, "a", seq("x", null)))).isEqualTo("map[a:[x <nil>] b:1]");
    }

    @Test
    void verbSMarksNonStrings() {
        assertThat(GoFmt.s(node("8080"))).isEqualTo("8080");
        assertThat(GoFmt.s(node(8080))).isEqualTo("%!s(int=8080)");
        assertThat(GoFmt.s(node(1.5))).isEqualTo("%!s(float64=1.5)");
        assertThat(GoFmt.s(node(false))).isEqualTo("%!s(bool=false)");
        assertThat(GoFmt.s(node(null))).isEqualTo("%!s(<nil>)");
        assertThat(GoFmt.s(map("a", 1, "b", null))).isEqualTo("map[a:%!s(int=1) b:<nil>]");
    }

    @Test
    void verbDMarksNonIntegers() {
        assertThat(GoFmt.d(node(80))).isEqualTo("80");
        assertThat(GoFmt.d(node("80"))).isEqualTo("%!d(string=80)");
        assertThat(GoFmt.d(node(null))).isEqualTo("%!d(<nil>)");
    }

    @Test
    void typeNames() {
        assertThat(GoFmt.typeName(node(1))).isEqualTo("int");
        assertThat(GoFmt.typeName(node(1.0))).isEqualTo("float64");
        assertThat(GoFmt.typeName(node(true))).isEqualTo("bool");
        assertThat(GoFmt.typeName(node("s"))).isEqualTo("string");
        assertThat(GoFmt.typeName(node(null))).isEqualTo("<nil>");
        assertThat(GoFmt.typeName(map())).isEqualTo("map[string]interface {}");
        assertThat(GoFmt.typeName(seq())).isEqualTo("[]interface {}");
    }

    @Test
    void stringOrderIsCodePointOrder() {
        assertThat(GoFmt.GO_STRING_ORDER.compare("\uFF5E", "\uD83D\uDE00")).isNegative();
        assertThat(GoFmt.GO_STRING_ORDER.compare("a", "ab")).isNegative();
        assertThat(GoFmt.GO_STRING_ORDER.compare("B", "a")).isNegative();
        assertThat(GoFmt.GO_STRING_ORDER.compare("x", "x")).isZero();
    }
}
