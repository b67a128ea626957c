package io.github.compose4j.build;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The docker CLI's {@code .dockerignore} rules (moby/patternmatcher), pattern by pattern. */
class IgnorePatternsTest {

    @ParameterizedTest(name = "{0} excludes {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.go            | main.go            | true
            *.go            | dir/main.go        | false
            */*.go          | dir/main.go        | true
            **/*.go         | main.go            | true
            **/*.go         | a/b/c/main.go      | true
            **/*.go         | a/b/c/main.gox     | false
            **              | anything/at/all    | true
            dir/**          | dir/a/b            | true
            dir/**          | dirx/a             | false
            dir/**/x        | dir/x              | true
            dir/**/x        | dir/a/b/x          | true
            dir/**/x        | other/a/x          | false
            **/node_modules | a/node_modules/m/f | true
            **/node_modules | node_modules       | true
            node_modules    | node_modules/m/f   | true
            node_modules    | a/node_modules     | false
            /abs            | abs                | true
            ./dot/../cleaned| cleaned            | true
            a?c             | abc                | true
            a?c             | a/c                | false
            [a-c]x          | bx                 | true
            [a-c]x          | dx                 | false
            [^a]x           | bx                 | true
            file.txt        | fileXtxt           | false
            a+b(c)          | a+b(c)             | true
            \\*star         | *star              | true
            \\*star         | xstar              | false
            dir             | dir/sub/file       | true
            dir/sub         | dir/sub/deep/file  | true
            """)
    void matchesAsTheDockerCli(String pattern, String path, boolean excluded) {
        IgnorePatterns p = IgnorePatterns.of(IgnorePatterns.read(pattern.getBytes(StandardCharsets.UTF_8)));

        assertThat(p.excludes(path)).isEqualTo(excluded);
    }

    @Test
    void anExceptionReincludesWhatAnEarlierPatternExcluded() {
        IgnorePatterns p = IgnorePatterns.of(List.of("*.md", "!README.md"));

        assertThat(p.excludes("CHANGES.md")).isTrue();
        assertThat(p.excludes("README.md")).isFalse();
    }

    @Test
    void aLaterPatternWinsOverAnException() {
        IgnorePatterns p = IgnorePatterns.of(List.of("*.md", "!README.md", "README*"));

        assertThat(p.excludes("README.md")).isTrue();
    }

    @Test
    void anExceptionInsideAnExcludedDirectoryReincludesTheFile() {
        IgnorePatterns p = IgnorePatterns.of(List.of("docs", "!docs/keep.txt"));

        assertThat(p.excludes("docs/other.txt")).isTrue();
        assertThat(p.excludes("docs/keep.txt")).isFalse();
        assertThat(p.mayReinclude("docs")).isTrue();
        assertThat(p.mayReinclude("src")).isFalse();
    }

    @Test
    void aWildcardExceptionDoesNotMakeAnExcludedDirectoryWalked() {
        // The docker CLI only looks for exceptions lying literally under the directory.
        IgnorePatterns p = IgnorePatterns.of(List.of("docs", "!*/keep.txt"));

        assertThat(p.mayReinclude("docs")).isFalse();
    }

    @Test
    void theParentResultIsHandedDownToChildren() {
        IgnorePatterns p = IgnorePatterns.of(List.of("build", "!build/keep"));
        IgnorePatterns.Match dir = p.match("build", null);

        assertThat(dir.excluded()).isTrue();
        assertThat(p.match("build/x", dir).excluded()).isTrue();
        assertThat(p.match("build/keep", dir).excluded()).isFalse();
    }

    @Test
    void readingSkipsCommentsBlanksAndTheByteOrderMark() {
        byte[] file = "\uFEFF# comment\n\n  *.log  \n!/keep.log\r\n/abs/path\n".getBytes(StandardCharsets.UTF_8);

        assertThat(IgnorePatterns.read(file)).containsExactly("*.log", "!keep.log", "abs/path");
    }

    @Test
    void aLoneExclamationMarkIsIllegal() {
        assertThatThrownBy(() -> IgnorePatterns.of(List.of("!")))
                .isInstanceOf(ComposeException.class).hasMessage("illegal exclusion pattern: \"!\"");
    }

    @Test
    void anUnclosedClassIsASyntaxError() {
        assertThatThrownBy(() -> IgnorePatterns.of(List.of("[abc")))
                .isInstanceOf(ComposeException.class).hasMessage("syntax error in pattern");
    }
}
