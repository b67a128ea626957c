package io.github.compose4j.load.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateTest {
    /** A=a, B=b, E set but empty; anything else unset. */
    private static final Lookup ENV = Lookup.of(Map.of("A", "a", "B", "b", "E", "", "N", "42"));

    static Stream<Arguments> substitutions() {
        return Stream.of(
                Arguments.of("braced", "${A}", "a"),
                Arguments.of("bare", "$A", "a"),
                Arguments.of("bare name ends at first non-name char", "$A-x", "a-x"),
                Arguments.of("bare name is greedy", "$A_suffix", ""),
                Arguments.of("braced then text", "${A}_suffix", "a_suffix"),
                Arguments.of("concatenation", "${A}${B}$A$B", "abab"),
                Arguments.of("unset is empty", "x${U}y", "xy"),
                Arguments.of("colon-dash default when unset", "${U:-d}", "d"),
                Arguments.of("colon-dash default when empty", "${E:-d}", "d"),
                Arguments.of("colon-dash keeps set value", "${A:-d}", "a"),
                Arguments.of("dash default only when unset", "${U-d}", "d"),
                Arguments.of("dash keeps empty value", "${E-d}", ""),
                Arguments.of("colon-plus when set", "${A:+r}", "r"),
                Arguments.of("colon-plus not when empty", "${E:+r}", ""),
                Arguments.of("colon-plus not when unset", "${U:+r}", ""),
                Arguments.of("plus when empty", "${E+r}", "r"),
                Arguments.of("plus not when unset", "${U+r}", ""),
                Arguments.of("nested default", "${U:-${U2:-${B}}}", "b"),
                Arguments.of("nested default, outer set", "${A:-${U:-x}}", "a"),
                Arguments.of("bare variable in default", "${U:-$B}", "b"),
                Arguments.of("text around nested default", "${U:-pre-${B}-post}", "pre-b-post"),
                Arguments.of("two substitutions on a line", "${A:-x} and ${B}", "a and b"),
                Arguments.of("brace after default is literal", "${U:-a}b}", "ab}"),
                Arguments.of("braces inside default", "${U:-{x}}", "{x}"),
                Arguments.of("empty braces inside default", "${U:-{}}", "{}"),
                Arguments.of("extra closing brace", "${A}}", "a}"),
                Arguments.of("required set, empty message", "${A:?}x", "ax"),
                Arguments.of("required-unset accepts empty", "${E?}", ""),
                Arguments.of("dollar escape", "$$A $${A} $$$$", "$A ${A} $$"),
                Arguments.of("escape then variable", "$$${A}", "$a"),
                Arguments.of("lone dollar at end", "a$", "a$"),
                Arguments.of("dollar before space", "$ b", "$ b"),
                Arguments.of("dollar before digit", "$1", "$1"),
                Arguments.of("dollar before dash", "$-x", "$-x"),
                Arguments.of("default with colons and dashes", "${U:---flag:a:b}", "--flag:a:b"),
                Arguments.of("default that looks like operators", "${U-:-x}", ":-x"),
                Arguments.of("first operator wins", "${A-x:?y}", "a"),
                Arguments.of("alternate with operator text", "${A+:?}", ":?"),
                Arguments.of("default of a lone dollar", "${U:-$}", "$"),
                Arguments.of("escaped dollar in default", "${U:-$$}", "$"),
                Arguments.of("multi-line string", "${A}\n$${B}\n", "a\n${B}\n"),
                Arguments.of("brace on the next line is not part of the default", "${A:-x}\n${B}}", "a\nb}"),
                Arguments.of("Kelvin sign is a name letter, like Compose's case folding", "${\u212a}", ""),
                Arguments.of("no dollar", "plain text", "plain text"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("substitutions")
    void substitutesLikeCompose(String description, String template, String expected) {
        assertThat(Template.substitute(template, ENV)).isEqualTo(expected);
    }

    @Test
    void returnsTheSameStringWhenThereIsNoDollar() {
        String s = new String("no variables here");
        assertThat(Template.substitute(s, ENV)).isSameAs(s);
    }

    static Stream<Arguments> invalidTemplates() {
        return Stream.of(
                Arguments.of("${", "${"),
                Arguments.of("${}", "${}"),
                Arguments.of("${1VAR}", "${1VAR}"),
                Arguments.of("alpine:${TAG", "alpine:${TAG"),
                Arguments.of("${A:x}", "${A:x}"),
                Arguments.of("${A B}", "${A B}"),
                // The default ends at the line's last brace: here none, so the whole string is invalid.
                Arguments.of("${A:-x\n}y}", "${A:-x\n}y}"),
                // Errors in the text after a nested substitution or in a default name only that part.
                Arguments.of("${A:-x} ${B }", " ${B }"),
                Arguments.of("${U:-${B}", "${B"),
                Arguments.of("${U:-${}}", "${}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTemplates")
    void rejectsInvalidTemplates(String template, String reported) {
        assertThatThrownBy(() -> Template.substitute(template, ENV))
                .isInstanceOfSatisfying(TemplateException.Invalid.class,
                        e -> assertThat(e.template()).isEqualTo(reported))
                .hasMessage("Invalid template: " + GoQuote.quote(reported));
    }

    static Stream<Arguments> missingRequired() {
        return Stream.of(
                Arguments.of("${U:?must be set}", "U", "required variable U is missing a value: must be set"),
                Arguments.of("${E:?not empty}", "E", "required variable E is missing a value: not empty"),
                Arguments.of("${U?msg}", "U", "required variable U is missing a value: msg"),
                Arguments.of("${U:?}", "U", "required variable U is missing a value"),
                Arguments.of("${U?msg ${A}}", "U", "required variable U is missing a value: msg a"),
                Arguments.of("${U:-${E:?boom}}", "E", "required variable E is missing a value: boom"),
                // Compose substitutes a default even when the variable is set.
                Arguments.of("${A:-${U:?boom}}", "U", "required variable U is missing a value: boom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingRequired")
    void reportsMissingRequiredVariables(String template, String variable, String message) {
        assertThatThrownBy(() -> Template.substitute(template, ENV))
                .isInstanceOfSatisfying(TemplateException.MissingRequired.class,
                        e -> assertThat(e.variable()).isEqualTo(variable))
                .hasMessage(message);
    }

    @Test
    void warnsOncePerUnsetOccurrence() {
        List<String> warnings = new ArrayList<>();
        Template.substitute("$U ${U} ${A} ${U2:-d}", ENV, warnings::add);
        assertThat(warnings).containsExactly(
                "The \"U\" variable is not set. Defaulting to a blank string.",
                "The \"U\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void warnsForUnsetVariablesInAnUnusedDefault() {
        List<String> warnings = new ArrayList<>();
        assertThat(Template.substitute("${A:-${U}}", ENV, warnings::add)).isEqualTo("a");
        assertThat(warnings).containsExactly("The \"U\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void warnsForUnsetVariableUsedAsAlternate() {
        List<String> warnings = new ArrayList<>();
        assertThat(Template.substitute("${U:+${U}}", ENV, warnings::add)).isEmpty();
        assertThat(warnings).containsExactly("The \"U\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void keepsScanningAfterAnErrorSoLaterWarningsAreEmitted() {
        List<String> warnings = new ArrayList<>();
        assertThatThrownBy(() -> Template.substitute("${} $U", ENV, warnings::add))
                .isInstanceOf(TemplateException.Invalid.class);
        assertThat(warnings).containsExactly("The \"U\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void reportsTheFirstErrorOfTheString() {
        assertThatThrownBy(() -> Template.substitute("${U:?first} ${}", ENV))
                .hasMessage("required variable U is missing a value: first");
    }

    @Test
    void looksUpNamesAsWritten() {
        List<String> asked = new ArrayList<>();
        Template.substitute("${lower_var} $MiXeD_9 ${_u:-x}", name -> {
            asked.add(name);
            return java.util.Optional.of("v");
        });
        assertThat(asked).containsExactly("lower_var", "MiXeD_9", "_u");
    }

    @Test
    void handlesALineWithManySubstitutionsWithoutRecursion() {
        String line = "${A:-x} $B ${U:-${A}}} ".repeat(50_000);
        String result = Template.substitute(line, ENV);
        assertThat(result).hasSize("a b a} ".length() * 50_000).startsWith("a b a} a b a} ");
    }

    @Test
    void acceptsDefaultsNestedUpToTheLimit() {
        int depth = Template.MAX_DEPTH;
        String template = "${U:-".repeat(depth) + "deep" + "}".repeat(depth);
        assertThat(Template.substitute(template, ENV)).isEqualTo("deep");
    }

    @Test
    void rejectsDefaultsNestedBeyondTheLimitInsteadOfOverflowingTheStack() {
        int depth = Template.MAX_DEPTH + 2;
        String template = "${U:-".repeat(depth) + "deep" + "}".repeat(depth);
        assertThatThrownBy(() -> Template.substitute(template, ENV)).isInstanceOf(TemplateException.Invalid.class);
    }
}
