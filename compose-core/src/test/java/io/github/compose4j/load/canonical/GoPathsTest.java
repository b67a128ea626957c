package io.github.compose4j.load.canonical;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are what Go's {@code path} and {@code path/filepath} return on Unix. */
class GoPathsTest {
    @Test
    void cleanOfNothingIsDot() {
        assertThat(GoPaths.clean("")).isEqualTo(".");
        assertThat(GoPaths.clean("./")).isEqualTo(".");
    }

    @Test
    void cleanKeepsLeadingParentsOfRelativePaths() {
        assertThat(GoPaths.clean("../../a/./b/..")).isEqualTo("../../a");
    }

    @Test
    void cleanDropsParentsAboveTheRoot() {
        assertThat(GoPaths.clean("/../a")).isEqualTo("/a");
        assertThat(GoPaths.clean("//")).isEqualTo("/");
    }

    @Test
    void cleanReturnsCleanPathsAsTheyAre() {
        String path = "/data/app";
        assertThat(GoPaths.clean(path)).isSameAs(path);
        assertThat(GoPaths.clean(".")).isEqualTo(".");
        assertThat(GoPaths.clean("/")).isEqualTo("/");
        assertThat(GoPaths.clean("a/.b/..c")).isEqualTo("a/.b/..c");
    }

    @Test
    void cleanRewritesDotsAndSlashesAnywhere() {
        assertThat(GoPaths.clean("/data/")).isEqualTo("/data");
        assertThat(GoPaths.clean("a//b")).isEqualTo("a/b");
        assertThat(GoPaths.clean("a/./b")).isEqualTo("a/b");
        assertThat(GoPaths.clean("a/..")).isEqualTo(".");
        assertThat(GoPaths.clean("./a")).isEqualTo("a");
        assertThat(GoPaths.clean("..")).isEqualTo("..");
    }

    @Test
    void joinSkipsEmptyElements() {
        assertThat(GoPaths.join("", "a", "", "b/")).isEqualTo("a/b");
        assertThat(GoPaths.join("", "")).isEmpty();
    }

    @Test
    void dirOfABareNameIsDot() {
        assertThat(GoPaths.dir("a")).isEqualTo(".");
        assertThat(GoPaths.dir("/")).isEqualTo("/");
        assertThat(GoPaths.dir("/a/b/")).isEqualTo("/a/b");
    }

    @Test
    void baseOfEdgeCases() {
        assertThat(GoPaths.base("")).isEqualTo(".");
        assertThat(GoPaths.base("/")).isEqualTo("/");
        assertThat(GoPaths.base("a")).isEqualTo("a");
    }

    @Test
    void relOfEqualPathsIsDot() {
        assertThat(GoPaths.rel("/a/", "/a")).isEqualTo(".");
    }

    @Test
    void relFromTheRoot() {
        assertThat(GoPaths.rel("/", "/a/b")).isEqualTo("a/b");
        assertThat(GoPaths.rel("/a/b", "/")).isEqualTo("../..");
    }

    @Test
    void absoluteMeansRooted() {
        assertThat(GoPaths.isAbs("/x")).isTrue();
        assertThat(GoPaths.isAbs("x/y")).isFalse();
        assertThat(GoPaths.isAbs("C:\\x")).isFalse();
    }
}
