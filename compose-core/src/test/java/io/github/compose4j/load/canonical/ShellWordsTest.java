package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected words are what {@code docker compose config} prints for the same {@code command} strings. */
class ShellWordsTest {
    @Test
    void dollarParenthesesStayOneWord() {
        assertThat(ShellWords.split("echo $(date) x")).containsExactly("echo", "$(date)", "x");
    }

    @Test
    void backquotesStayOneWord() {
        assertThat(ShellWords.split("echo `date` y")).containsExactly("echo", "`date`", "y");
    }

    @Test
    void escapesWorkOutsideSingleQuotesOnly() {
        assertThat(ShellWords.split("a\\ b \"c\\\"d\" 'e\\f'")).containsExactly("a b", "c\"d", "e\\f");
    }

    @Test
    void tabsAndNewlinesSeparateWords() {
        assertThat(ShellWords.split("a\tb\nc")).containsExactly("a", "b", "c");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(ShellWords.split("echo \"\" z")).containsExactly("echo", "", "z");
    }

    @Test
    void parsingStopsAtSemicolonAndPipe() {
        assertThat(ShellWords.split("x;y")).containsExactly("x");
        assertThat(ShellWords.split("x|y")).containsExactly("x");
    }

    @Test
    void redirectionDropsAFileDescriptorNumber() {
        assertThat(ShellWords.split("echo 2>file")).containsExactly("echo");
        assertThat(ShellWords.split("echo 12>file")).containsExactly("echo");
    }

    @Test
    void redirectionKeepsAWordThatDoesNotStartWithADigit() {
        assertThat(ShellWords.split("echo a>file")).containsExactly("echo", "a");
        assertThat(ShellWords.split("echo a2>file")).containsExactly("echo", "a2");
    }

    @Test
    void emptyLineHasNoWords() {
        assertThat(ShellWords.split("   ")).isEmpty();
    }

    @Test
    void unbalancedInputIsAnInvalidCommandLine() {
        for (String line : new String[] {"echo (x)", "echo \\", "echo \"x", "echo `x", "echo $(x"}) {
            assertThatThrownBy(() -> ShellWords.split(line)).as(line).isInstanceOf(ComposeException.class)
                    .hasMessage("invalid command line string");
        }
    }
}
