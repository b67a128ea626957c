package io.github.compose4j.load.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.compose4j.load.tree.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DotEnvTest {
    private static final Function<String, String> NO_ENV = name -> null;

    private static Map<String, String> parse(String content) {
        return DotEnv.parse(".env", content, NO_ENV);
    }

    private static Map<String, String> parse(String content, Map<String, String> env) {
        return DotEnv.parse(".env", content, env::get);
    }

    // --- compose-go's fixtures, with the values Docker Compose gives them ---

    @Test
    void plainFixture() {
        assertThat(parse("""
                OPTION_A=1
                OPTION_B=2
                OPTION_C= 3
                OPTION_D =4
                OPTION_E = 5
                456 = ABC
                OPTION_F =\s
                OPTION_G=
                OPTION_H = my string # Inline comment
                """)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"), entry("OPTION_C", "3"),
                entry("OPTION_D", "4"), entry("OPTION_E", "5"), entry("456", "ABC"), entry("OPTION_F", ""),
                entry("OPTION_G", ""), entry("OPTION_H", "my string"));
    }

    @Test
    void quotedFixture() {
        assertThat(parse("""
                OPTION_A='1'
                OPTION_B='2'
                OPTION_C=''
                OPTION_D='\\n'
                OPTION_E="1"
                OPTION_F="2"
                OPTION_G=""
                OPTION_H="\\n"
                OPTION_I = "echo 'asd'" # Inline comment
                OPTION_J = 'first line
                second line
                third line
                and so on'
                OPTION_K='Let\\'s go!'
                OPTION_Z = "last value"
                """)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"), entry("OPTION_C", ""),
                entry("OPTION_D", "\\n"), entry("OPTION_E", "1"), entry("OPTION_F", "2"), entry("OPTION_G", ""),
                entry("OPTION_H", "\n"), entry("OPTION_I", "echo 'asd'"),
                entry("OPTION_J", "first line\nsecond line\nthird line\nand so on"), entry("OPTION_K", "Let's go!"),
                entry("OPTION_Z", "last value"));
    }

    @Test
    void exportedAndEqualsFixtures() {
        assertThat(parse("export OPTION_A=2\nexport OPTION_B='\\n'\n"))
                .containsExactly(entry("OPTION_A", "2"), entry("OPTION_B", "\\n"));
        assertThat(parse("export OPTION_A='postgres://localhost:5432/database?sslmode=disable'\n\n"))
                .containsExactly(entry("OPTION_A", "postgres://localhost:5432/database?sslmode=disable"));
    }

    @Test
    void specialFixtureAllowsDotsDashesAndBrackets() {
        assertThat(parse("VAR.WITH.DOTS=dots\nVAR_WITH_UNDERSCORES=underscores\nVAR-WITH-DASHES=dashes\nA[0]=x\n"))
                .containsExactly(entry("VAR.WITH.DOTS", "dots"), entry("VAR_WITH_UNDERSCORES", "underscores"),
                        entry("VAR-WITH-DASHES", "dashes"), entry("A[0]", "x"));
    }

    @Test
    void unquotedFixture() {
        assertThat(parse("""
                OPTION_A = "some quoted phrase"
                OPTION_B=first one with an unquoted phrase
                OPTION_C = then another one with an unquoted phrase
                OPTION_D = then another one with an unquoted phrase special è char
                OPTION_E = "then another one quoted phrase"
                """)).containsExactly(entry("OPTION_A", "some quoted phrase"),
                entry("OPTION_B", "first one with an unquoted phrase"),
                entry("OPTION_C", "then another one with an unquoted phrase"),
                entry("OPTION_D", "then another one with an unquoted phrase special è char"),
                entry("OPTION_E", "then another one quoted phrase"));
    }

    @Test
    void substitutionsFixture() {
        List<String> warnings = new ArrayList<>();
        Map<String, String> env = DotEnv.parse(".env", """
                OPTION_A=1
                OPTION_B=${OPTION_A}
                OPTION_C=$OPTION_B
                OPTION_D=${OPTION_A}_${OPTION_B}
                OPTION_E=${OPTION_NOT_DEFINED}
                """, NO_ENV, warnings::add);
        assertThat(env).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "1"), entry("OPTION_C", "1"),
                entry("OPTION_D", "1_1"), entry("OPTION_E", ""));
        assertThat(warnings)
                .containsExactly("The \"OPTION_NOT_DEFINED\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void substitutionsDefaultFixtureUsesTheEnvironmentFirst() {
        String content = "OPTION_A=${OPTION_A:-1}\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\n"
                + "OPTION_D=${OPTION_A}_${OPTION_B}\n";
        assertThat(parse(content)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "1"),
                entry("OPTION_C", "1"), entry("OPTION_D", "1_1"));
        assertThat(parse(content, Map.of("OPTION_A", "env"))).containsExactly(entry("OPTION_A", "env"),
                entry("OPTION_B", "env"), entry("OPTION_C", "env"), entry("OPTION_D", "env_env"));
    }

    @Test
    void utf8BomFixture() {
        assertThat(parse("\uFEFFOPTION_A=1\nOPTION_B=2\n")).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"));
    }

    @Test
    void inheritedFixtures() {
        Map<String, String> os = Map.of("VAR_TO_BE_LOADED_FROM_OS_ENV", "loaded-from-os");
        assertThat(parse("VAR_TO_BE_LOADED_FROM_OS_ENV\n", os))
                .containsExactly(entry("VAR_TO_BE_LOADED_FROM_OS_ENV", "loaded-from-os"));
        assertThat(parse("foo=bar\nVAR_TO_BE_LOADED_FROM_OS_ENV\nbar=baz\n", os)).containsExactly(entry("foo", "bar"),
                entry("VAR_TO_BE_LOADED_FROM_OS_ENV", "loaded-from-os"), entry("bar", "baz"));
        assertThat(parse("VARIABLE_NOT_FOUND\n", os)).isEmpty();
    }

    @Test
    void invalid1FixtureReportsComposeLineCount() {
        assertThatThrownBy(() -> DotEnv.parse("vars.env", """
                # some comments
                foo="
                  a
                  multine
                  value
                "
                INVALID LINE
                zot=qix""", NO_ENV))
                .isInstanceOfSatisfying(DotEnvException.class, e -> {
                    assertThat(e.reason()).isEqualTo("line 7: key cannot contain a space");
                    assertThat(e.mark()).isEqualTo(new Mark("vars.env", 7, 1));
                })
                .hasMessage("vars.env:7:1: line 7: key cannot contain a space");
    }

    // --- conformance cases ---

    @Test
    void crlfLineEndsAreDropped() {
        assertThat(parse("A=windows\r\nB=line\r\nC=\"q\"\r\nD\r\n", Map.of("D", "d")))
                .containsExactly(entry("A", "windows"), entry("B", "line"), entry("C", "q"), entry("D", "d"));
    }

    @Test
    void expansionDependsOnQuoting() {
        assertThat(parse("A=base\nB=${A}-b\nC=$A-c\nD=\"${A}-d\"\nE='${A}-e'\nF=${UNDEFINED_HERE:-fallback}\n"))
                .containsExactly(entry("A", "base"), entry("B", "base-b"), entry("C", "base-c"), entry("D", "base-d"),
                        entry("E", "${A}-e"), entry("F", "fallback"));
    }

    @Test
    void syntaxEdgeCases() {
        assertThat(parse("""
                # a comment line
                A=value # inline comment
                B="double # not a comment"
                C='single $A no expansion'
                D="escaped \\"quote\\" and \\n newline"
                export E=exported
                  F  =  spaced
                """)).containsExactly(entry("A", "value"), entry("B", "double # not a comment"),
                entry("C", "single $A no expansion"), entry("D", "escaped \"quote\" and \n newline"),
                entry("E", "exported"), entry("F", "spaced"));
    }

    @Test
    void multilineQuotedValues() {
        assertThat(parse("A=\"line1\nline2\"\nB='multi\nline'\nC=after\n"))
                .containsExactly(entry("A", "line1\nline2"), entry("B", "multi\nline"), entry("C", "after"));
    }

    @Test
    void environmentWinsOverEarlierValuesOfTheFile() {
        assertThat(parse("DERIVED=${BASE}-derived\nCHAINED=${DERIVED}-chained\n", Map.of("BASE", "base")))
                .containsExactly(entry("DERIVED", "base-derived"), entry("CHAINED", "base-derived-chained"));
        assertThat(parse("A=file\nB=${A}\n", Map.of("A", "os"))).containsExactly(entry("A", "file"), entry("B", "os"));
    }

    @Test
    void bareKeysTakeTheirValueFromTheLookupOnly() {
        assertThat(parse("FROM_OS\nUNKNOWN_BARE\nSET=1\nSET\n", Map.of("FROM_OS", "os-value")))
                .containsExactly(entry("FROM_OS", "os-value"), entry("SET", "1"));
    }

    // --- quirks checked against Docker Compose ---

    static Stream<Arguments> quirks() {
        return Stream.of(
                Arguments.of("bare last line without newline is the value of the empty key", "A=1\nBARE",
                        Map.of("A", "1", "", "BARE")),
                Arguments.of("export alone on a line is an empty bare key", "export\nFOO=1\nexport  BAR\nexport=5\n",
                        Map.of("FOO", "1", "export", "5")),
                Arguments.of("tabs may sit inside a key", "K\tY=1\n", Map.of("K\tY", "1")),
                Arguments.of("text after a closing quote starts the next statement", "A=\"x\" B=2\nC=\"y\"junk\n",
                        Map.of("A", "x", "B", "2", "C", "y")),
                Arguments.of("only space-hash starts a comment", "A=v\t# c\nB=v #c\nC=#x\n",
                        Map.of("A", "v\t# c", "B", "v", "C", "#x")),
                Arguments.of("yaml-style separator", "D: yaml\n", Map.of("D", "yaml")),
                Arguments.of("keys may start with digits", "456=abc\n 7x=1\n", Map.of("456", "abc", "7x", "1")),
                Arguments.of("double-quoted escapes", "A=\"\\0123\\0\\01\\c\\a\\$HOME\\x41\\'\"\n",
                        Map.of("A", "S\\\\1\\c\u0007$HOME\\x41\\'")),
                Arguments.of("single quotes keep backslashes", "A='a\\\\b\\n'\n", Map.of("A", "a\\\\b\\n")),
                Arguments.of("double quotes unescape backslashes", "A=\"a\\\\b\"\n", Map.of("A", "a\\b")),
                Arguments.of("dollar escapes", "A=$$X\nB=\\$X\nC=\"$$X\"\n", Map.of("A", "$X", "B", "\\", "C", "$X")),
                Arguments.of("a later duplicate replaces the value", "A=1\nA=2\n", Map.of("A", "2")),
                Arguments.of("empty content", "", Map.of()),
                Arguments.of("only comments and blanks", "# c\n\n   \n# d", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quirks")
    void parsesLikeCompose(String description, String content, Map<String, String> expected) {
        assertThat(parse(content)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void keepsTheFirstPositionOfARepeatedKey() {
        assertThat(parse("A=1\nB=2\nA=3\n").keySet()).containsExactly("A", "B");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("VALID=1\nINVALID LINE HERE\n", "line 2: key cannot contain a space", new Mark(".env", 2, 1)),
                Arguments.of("A B$=1\n", "line 1: unexpected character \"$\" in variable name \"A B$=1\"",
                        new Mark(".env", 1, 4)),
                Arguments.of("\uFEFF\uFEFFA=1\n", "line 1: unexpected character \"\\ufeff\" in variable name \"\\ufeffA=1\"",
                        new Mark(".env", 1, 2)),
                Arguments.of("A=\"unterminated\nB=1\n", "line 3: unterminated quoted value \"unterminated",
                        new Mark(".env", 1, 3)),
                Arguments.of("A=${\n", "Invalid template: \"${\"", new Mark(".env", 1, 3)),
                Arguments.of("A=\"x ${\"\n", "Invalid template: \"x ${\"", new Mark(".env", 1, 3)),
                Arguments.of("A=${X:?need x}\n", "required variable X is missing a value: need x",
                        new Mark(".env", 1, 3)),
                // A bare key line advances Compose's line count, a bare key with a trailing space does not.
                Arguments.of("K \nA B=1\n", "line 1: key cannot contain a space", new Mark(".env", 2, 1)),
                Arguments.of("K\nA B=1\n", "line 2: key cannot contain a space", new Mark(".env", 2, 1)));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void reportsErrorsWithComposeWording(String content, String reason, Mark mark) {
        assertThatThrownBy(() -> parse(content))
                .isInstanceOfSatisfying(DotEnvException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.mark()).isEqualTo(mark);
                })
                .hasMessage(mark.prefix(reason));
    }

    @Test
    void warnsForUnsetVariablesInValues() {
        List<String> warnings = new ArrayList<>();
        DotEnv.parse(".env", "A=$U\nB='$U2'\nC=\"${U3}\"\n", NO_ENV, warnings::add);
        assertThat(warnings).containsExactly("The \"U\" variable is not set. Defaulting to a blank string.",
                "The \"U3\" variable is not set. Defaulting to a blank string.");
    }
}
