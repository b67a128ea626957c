package io.github.compose4j.load.fuzz;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.ProjectRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, point 12: a property-based fuzzer in plain JUnit (Jazzer is not in the offline Maven repository). Compose
 * files of the corpus (the conformance cases when they are beside the build, the samples, and seeds heavy in anchors,
 * merges and interpolation) are mutated with a fixed seed (byte flips towards YAML's syntax characters, cuts,
 * repeated spans, anchors and aliases, indentation shifts, splices, deep nesting) and loaded through the whole loader.
 * Every outcome must be a project or a {@link ComposeException}: no other exception, no {@link StackOverflowError},
 * no hang. The budget is fixed (inputs and seconds) to keep CI short; {@code -Dcompose4j.fuzz.seconds=N} runs longer,
 * {@code -Dcompose4j.fuzz.seed=S} another sequence.
 */
class LoaderFuzzTest {
    private static final long SEED = Long.getLong("compose4j.fuzz.seed", 20261128L);
    private static final long BUDGET_SECONDS = Long.getLong("compose4j.fuzz.seconds", 25);
    private static final int MAX_INPUTS = Integer.getInteger("compose4j.fuzz.inputs", 4000);
    /** A load still running after this long is a hang, not a slow input (the worst legitimate input takes ~0.1 s). */
    private static final long HANG_SECONDS = 20;
    private static final String SYNTAX = ":-[]{}&*!|>'\"#%@`\t\n ,?<$\\{}0\u0000\u00e9";
    private static final String[] SNIPPETS = {"&a ", "*a", "<<: *a\n", "<<: [*a, *a]\n", "${", "${X:?boom}", "${X:-${Y}}",
        "!reset ", "!override ", "!!binary ", "? ", "--- \n", "...\n", "%YAML 1.2\n", "&a [*a]", "{a: *a}", "\"\\u",
        "extends: {service: x}\n", "include: [x.yaml]\n", "env_file: .env\n", "<<: {}\n", "~", "0x1F", ".inf"};

    @TempDir
    Path tmp;

    @Test
    void mutatedComposeFilesLoadOrFailWithAComposeException() throws Exception {
        List<String> corpus = corpus();
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            // A small stack, as the CLI's main thread may have: deep documents must not need more.
            Thread t = new Thread(null, r, "fuzz", 512 * 1024);
            t.setDaemon(true);
            return t;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
        int inputs = 0;
        int loaded = 0;
        try {
            while (inputs < MAX_INPUTS && System.nanoTime() < deadline) {
                String input = mutate(random, corpus);
                Path dir = Files.createDirectories(tmp.resolve("i" + inputs));
                Files.writeString(dir.resolve("compose.yaml"), input);
                inputs++;
                Future<Boolean> outcome = worker.submit(() -> load(dir));
                try {
                    if (outcome.get(HANG_SECONDS, TimeUnit.SECONDS)) {
                        loaded++;
                    }
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    throw new AssertionError("the loader hangs on input " + inputs + ":\n" + input);
                } catch (ExecutionException e) {
                    throw new AssertionError("the loader threw " + e.getCause() + " on input " + inputs + ":\n" + input
                            + "\n" + stack(e.getCause()), e.getCause());
                }
                deleteTree(dir);
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(inputs).as("inputs tried").isGreaterThan(100);
        assertThat(loaded).as("inputs that still loaded (the mutations are not all fatal)").isPositive();
    }

    /** Whether the file loaded; false when it was refused with a ComposeException. */
    private static boolean load(Path dir) {
        ProjectRequest request = new ProjectRequest(List.of(), Optional.of("fuzz"), Optional.empty(), List.of(),
                List.of(), dir, Map.of("X", "1"), Optional.empty(), () -> "");
        try {
            new ProjectLoader(request, m -> { }).load(LoadOptions.DEFAULT, List.of());
            return true;
        } catch (ComposeException e) {
            assertThat(e.getMessage()).as("a refusal says why").isNotBlank();
            return false;
        }
    }

    private static List<String> corpus() throws IOException {
        List<String> out = new ArrayList<>();
        Path cases = Path.of(System.getProperty("compose4j.fuzz.corpus", "../../shared/conformance/cases"));
        if (Files.isDirectory(cases)) {
            try (Stream<Path> files = Files.walk(cases, 3)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("(docker-)?compose.*\\.ya?ml"))
                        .sorted().toList()) {
                    if (Files.size(f) < 64 * 1024) {
                        out.add(Files.readString(f));
                    }
                }
            }
        }
        Path samples = Path.of("..", "samples");
        if (Files.isDirectory(samples)) {
            try (Stream<Path> files = Files.walk(samples, 3)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("compose.*\\.ya?ml")).sorted().toList()) {
                    out.add(Files.readString(f));
                }
            }
        }
        out.add("""
                x-base: &base
                  image: busybox:${TAG:-latest}
                  environment: &env {A: "1", B: "${X}"}
                services:
                  a:
                    <<: *base
                    ports: ["8080:80", "127.0.0.1:9000-9001:9000-9001/udp"]
                    volumes: [data:/data, ./src:/src:ro]
                  b:
                    <<: [*base]
                    depends_on: {a: {condition: service_healthy}}
                    healthcheck: {test: [CMD, "true"], interval: 1s}
                    deploy: {replicas: 2, resources: {limits: {memory: 64M, cpus: "0.5"}}}
                volumes:
                  data: {}
                networks:
                  front: {ipam: {config: [{subnet: 10.5.0.0/16}]}}
                """);
        return out;
    }

    private static String mutate(Random random, List<String> corpus) {
        String s = corpus.get(random.nextInt(corpus.size()));
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            s = mutateOnce(random, s, corpus);
        }
        return s;
    }

    private static String mutateOnce(Random random, String s, List<String> corpus) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        switch (random.nextInt(8)) {
            case 0 -> {
                char c = SYNTAX.charAt(random.nextInt(SYNTAX.length()));
                return s.isEmpty() ? String.valueOf(c) : s.substring(0, at) + c + s.substring(at + 1);
            }
            case 1 -> {
                int end = Math.min(s.length(), at + random.nextInt(40));
                return s.substring(0, at) + s.substring(end);
            }
            case 2 -> {
                int end = Math.min(s.length(), at + random.nextInt(200));
                String span = s.substring(at, end);
                return s.substring(0, end) + span.repeat(1 + random.nextInt(3)) + s.substring(end);
            }
            case 3 -> {
                return s.substring(0, at) + SNIPPETS[random.nextInt(SNIPPETS.length)] + s.substring(at);
            }
            case 4 -> {
                int lineStart = s.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                return random.nextBoolean() ? s.substring(0, lineStart) + "  " + s.substring(lineStart)
                        : s.substring(0, lineStart) + s.substring(Math.min(s.length(), lineStart + 2));
            }
            case 5 -> {
                String other = corpus.get(random.nextInt(corpus.size()));
                int cut = other.isEmpty() ? 0 : random.nextInt(other.length());
                return s.substring(0, at) + other.substring(cut);
            }
            case 6 -> {
                int depth = random.nextInt(4) == 0 ? 20_000 : 1 + random.nextInt(200);
                boolean flow = random.nextBoolean();
                String nested = flow ? "[".repeat(depth) + "]".repeat(depth)
                        : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                return s.substring(0, at) + nested + s.substring(at);
            }
            default -> {
                // an alias bomb at a random size
                StringBuilder bomb = new StringBuilder("x-l0: &l0 [lol]\n");
                int levels = 2 + random.nextInt(12);
                for (int l = 1; l <= levels; l++) {
                    bomb.append("x-l").append(l).append(": &l").append(l).append(" [")
                            .append(("*l" + (l - 1) + ",").repeat(9)).append("*l").append(l - 1).append("]\n");
                }
                return bomb + s;
            }
        }
    }

    private static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String all = w.toString();
        return all.length() > 4000 ? all.substring(0, 4000) : all;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
