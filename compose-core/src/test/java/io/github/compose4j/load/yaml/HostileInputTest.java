package io.github.compose4j.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Untrusted files must be refused quickly, in bounded memory, and never overflow the stack. */
class HostileInputTest {
    /** A liveness bound, not a speed target: a quadratic blow-up would take minutes. */
    private static final Duration QUICK = Duration.ofSeconds(30);

    private static ComposeException refused(YamlLimits limits, String yaml) {
        long start = System.nanoTime();
        ComposeException e = catchThrowableOfType(ComposeException.class,
                () -> new YamlParser(limits).parse("evil.yaml", yaml));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.exitCode()).isEqualTo(15);
        assertThat(took).as("time to refuse").isLessThan(QUICK);
        return e;
    }

    private static ComposeException refused(String yaml) {
        return refused(YamlLimits.DEFAULT, yaml);
    }

    /** The classic: nine levels of nine aliases, 10^9 strings once expanded. */
    private static String billionLaughs(boolean mappings) {
        StringBuilder sb = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            sb.append("x-").append(c).append(": &").append(c).append(mappings ? " {" : " [");
            for (int i = 0; i < 9; i++) {
                sb.append(i > 0 ? ", " : "").append(mappings ? "k" + i + ": " : "").append('*').append(p);
            }
            sb.append(mappings ? "}\n" : "]\n");
        }
        return sb.append("services: {s: {image: *i}}\n").toString();
    }

    @Test
    void billionLaughsIsRefused() {
        ComposeException e = refused(billionLaughs(false));
        assertThat(e.getMessage()).contains("aliases expand to more than 500000 nodes");
        assertThat(refused(billionLaughs(true)).getMessage()).contains("aliases expand to more than");
    }

    @Test
    void aliasExpansionUsesItsOwnLimit() {
        YamlLimits tight = new YamlLimits(1 << 20, 100, 20, 1_000_000);
        String yaml = "a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a, *a, *a]\n";
        assertThat(refused(tight, yaml).getMessage())
                .startsWith("evil.yaml:1:").contains("aliases expand to more than 20 nodes");
        assertThat(new YamlParser(tight).parse("ok.yaml", "a: &a [1, 2, 3, 4, 5]\nb: [*a, *a]\n")).hasSize(1);
    }

    @Test
    void totalNodesAreLimited() {
        YamlLimits tight = new YamlLimits(1 << 20, 100, 1000, 50);
        StringBuilder sb = new StringBuilder("a:\n");
        for (int i = 0; i < 100; i++) {
            sb.append("- ").append(i).append('\n');
        }
        assertThat(refused(tight, sb.toString()).getMessage()).contains("more than 50 nodes");
    }

    @Test
    void tenThousandLevelsOfNestingAreRefusedWithoutStackOverflow() {
        int depth = 10_000;
        String flowSeq = "v: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        String flowMap = "v: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n";
        String blockSeq = "v:\n" + "- ".repeat(depth) + "x\n";
        for (String yaml : List.of(flowSeq, flowMap, blockSeq)) {
            assertThat(refused(yaml).getMessage()).contains("nested more than 1000 levels");
        }
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        // The root mapping is one level, so 999 sequences fit in 1000.
        String ok = "v: " + "[".repeat(999) + "]".repeat(999) + "\n";
        assertThat(new YamlParser(YamlLimits.DEFAULT).parse("ok.yaml", ok)).hasSize(1);
        String tooDeep = "v: " + "[".repeat(1000) + "]".repeat(1000) + "\n";
        assertThat(refused(tooDeep).getMessage()).startsWith("evil.yaml:1:1003: ");
    }

    @Test
    void deepNestingThroughAliasesIsRefused() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x]\n");
        for (int i = 1; i <= 1100; i++) {
            sb.append('a').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append("]\n");
        }
        assertThat(refused(sb.toString()).getMessage()).contains("nested more than 1000 levels deep once aliases");
    }

    @Test
    void deepDocumentsDoNotNeedABigCallerStack() throws Exception {
        StringBuilder sb = new StringBuilder("a0: &a0 [x]\n");
        for (int i = 1; i <= 990; i++) {
            sb.append('a').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append("]\n");
        }
        YamlLimits limits = new YamlLimits(1 << 20, 1000, 1_000_000, 5_000_000);
        Object[] outcome = new Object[1];
        // A thread with a small stack, as some callers have.
        Thread t = new Thread(null, () -> {
            try {
                outcome[0] = new YamlParser(limits).parse("deep.yaml", sb.toString());
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "small-stack", 128 * 1024);
        t.start();
        t.join();
        assertThat(outcome[0]).isInstanceOf(List.class);
    }

    @Test
    void recursiveAliasesDoNotLoop() {
        assertThat(refused("x-v: &a {b: *a}\n").getMessage())
                .isEqualTo("evil.yaml:1:13: cycle detected: node at path x-v.b.b references node at path x-v.b");
        assertThat(refused("x: &a [*a]\n").getMessage()).contains("cycle detected");
        // compose-go itself recurses forever on these two.
        assertThat(refused("x-v: &a {<<: *a}\n").getMessage()).contains("cycle detected");
        assertThat(refused("<<: &a {b: {<<: *a}}\n").getMessage()).contains("cycle detected");
        assertThat(refused("x: &a {k: [{<<: [*a]}]}\n").getMessage()).contains("cycle detected");
    }

    @Test
    void aliasesNestedByPathAreACycleForCompose() {
        // compose-go's check only compares paths, so a dotted key looks like a cycle too.
        assertThat(refused("x-a: &a {k: 1}\nx-b:\n  c: *a\n  c.d: *a\n").getMessage())
                .isEqualTo("evil.yaml:4:8: cycle detected: node at path x-b.c.d references node at path x-b.c");
        // Merging an anchor into a mapping also visits it at the mapping's own path.
        assertThat(refused("x-a: &a {k: 1}\nservices:\n  s1: {<<: *a, x: *a}\n").getMessage()).isEqualTo(
                "evil.yaml:3:19: cycle detected: node at path services.s1.x references node at path services.s1");
        assertThat(new YamlParser(YamlLimits.DEFAULT).parse("ok.yaml",
                "x-a: &a {k: 1}\nservices:\n  s1: {x: *a, y: {<<: *a}}\n  s2: {<<: *a}\n")).hasSize(1);
    }

    @Test
    void contentOverTheSizeLimitIsRefusedBeforeParsing() {
        YamlLimits small = new YamlLimits(100, 100, 100, 1000);
        String big = "a: " + "x".repeat(200) + "\n";
        assertThat(refused(small, big).getMessage())
                .isEqualTo("evil.yaml: the file is too large to load (204 bytes; the limit is 100 bytes)");
        // Counted in UTF-8 bytes: 40 characters but 120 bytes.
        assertThat(refused(small, "a: " + "€".repeat(40)).getMessage()).contains("(123 bytes;");
        assertThat(new YamlParser(small).parse("ok.yaml", "a: " + "€".repeat(30))).hasSize(1);
    }

    @Test
    void hugeContentIsRefusedWithoutParsing() throws Exception {
        String huge = "a: 1\n" + "#".repeat(70 * 1024 * 1024);
        Callable<List<MapNode>> parse = () -> new YamlParser(YamlLimits.DEFAULT).parse("evil.yaml", huge);
        long start = System.nanoTime();
        ComposeException e = catchThrowableOfType(ComposeException.class, parse::call);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused before parsing").isLessThan(QUICK);
        assertThat(e.getMessage()).contains("the limit is 67108864 bytes");
    }
}
