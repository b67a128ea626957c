package io.github.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.compose4j.testing.RequiresDocker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The inspection commands on a project that the reference {@code docker compose} brought up, compared with
 * what {@code docker compose} itself prints for the same project. Values that depend on the moment they are
 * read ("Up 3 seconds", "About a minute ago") and Go's random label order are the only differences allowed.
 */
@RequiresDocker
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionCommandsIT {
    private static final String PROJECT_FILE = """
        services:
          web:
            image: busybox:latest
            command: ["sh", "-c", "sleep 3600"]
            ports: ["80", "127.0.0.1::81"]
            expose: ["5432-5434"]
          job:
            image: busybox:latest
            command: sh -c "exit 3"
        """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String project = "c4jinsp" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private Path dir;

    @BeforeAll
    void up() throws Exception {
        dir = Files.createTempDirectory("compose4j-inspect");
        Files.writeString(dir.resolve("compose.yaml"), PROJECT_FILE);
        assertThat(reference("up", "-d").exit()).isZero();
        // the job has exited once `up -d` returns only if it was quick: wait until the daemon says so
        for (int i = 0; i < 100 && !reference("ps", "-a", "--status", "exited", "-q").out().contains("\n"); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    void down() throws Exception {
        reference("down", "-t", "0");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result reference(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "-p", project));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return new Result(p.exitValue(), out, err);
    }

    private Result ours(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> command = new ArrayList<>(List.of("-p", project));
        command.addAll(List.of(args));
        int exit = Main.run(new CliContext(dir, System.getenv(), () -> "", new PrintStream(out, true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), command.toArray(String[]::new));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void psJsonHasComposesFieldsInComposesOrderWithTheSameValues() throws Exception {
        List<JsonNode> expected = lines(reference("ps", "-a", "--format", "json").out());
        List<JsonNode> actual = lines(ours("ps", "-a", "--format", "json").out());

        assertThat(actual).hasSize(2).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            List<String> expectedFields = new ArrayList<>();
            expected.get(i).fieldNames().forEachRemaining(expectedFields::add);
            List<String> actualFields = new ArrayList<>();
            actual.get(i).fieldNames().forEachRemaining(actualFields::add);
            assertThat(actualFields).containsExactlyElementsOf(expectedFields);
            for (String field : expectedFields) {
                switch (field) {
                    case "RunningFor", "Status" -> assertThat(actual.get(i).get(field).asText()).isNotEmpty();
                    case "Labels" -> assertThat(labels(actual.get(i))).isEqualTo(labels(expected.get(i)));
                    default -> assertThat(actual.get(i).get(field)).as(field).isEqualTo(expected.get(i).get(field));
                }
            }
        }
    }

    @Test
    void psJsonEscapesHtmlCharactersAsCompose() {
        assertThat(ours("ps", "--format", "json").out()).contains("-\\u003e81/tcp");
    }

    private static Set<String> labels(JsonNode container) {
        return new TreeSet<>(List.of(container.get("Labels").asText().split(",")));
    }

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void psTableHasComposesColumnsAndCells() throws Exception {
        String expected = reference("ps", "-a").out();
        String actual = ours("ps", "-a").out();

        // The CREATED cell ("Less than a second ago", "1 second ago", ...) changes width between the two calls,
        // so the header is compared by its column names and their alignment with the cells, not byte for byte.
        assertThat(headerColumns(actual)).isEqualTo(headerColumns(expected));
        assertCellsStartUnderTheirHeaders(actual);
        assertThat(actual.lines().map(l -> l.split(" {3,}")[0]).toList())
            .isEqualTo(expected.lines().map(l -> l.split(" {3,}")[0]).toList());
        assertThat(actual).contains("\"sh -c 'exit 3'\"").contains("Exited (3)")
            .containsPattern("0\\.0\\.0\\.0:\\d+->80/tcp, :::\\d+->80/tcp, 127\\.0\\.0\\.1:\\d+->81/tcp");
    }

    private static List<String> headerColumns(String table) {
        return List.of(table.lines().findFirst().orElseThrow().trim().split(" {2,}"));
    }

    private static void assertCellsStartUnderTheirHeaders(String table) {
        List<String> lines = table.lines().toList();
        String header = lines.get(0);
        for (String column : List.of("IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS")) {
            int start = header.indexOf(column);
            for (String row : lines.subList(1, lines.size())) {
                assertThat(row.charAt(start - 1)).as("before %s in %s", column, row).isEqualTo(' ');
                assertThat(row.charAt(start)).as("at %s in %s", column, row).isNotEqualTo(' ');
            }
        }
    }

    @Test
    void psQuietServicesAndStatusFilterPrintWhatComposePrints() throws Exception {
        assertThat(ours("ps", "-q").out()).isEqualTo(reference("ps", "-q").out());
        assertThat(ours("ps", "-a", "--services").out()).isEqualTo(reference("ps", "-a", "--services").out());
        assertThat(ours("ps", "--status", "exited", "--format", "{{.Name}} {{.ExitCode}}").out())
            .isEqualTo(project + "-job-1 3\n");
        assertThat(ours("ps", "--filter", "status=running", "--format", "{{.Service}}").out()).isEqualTo("web\n");
    }

    @Test
    void lsListsTheProjectAsCompose() throws Exception {
        String[] args = {"ls", "-a", "--format", "json", "--filter", "name=" + project};
        assertThat(ours(args).out()).isEqualTo(reference(args).out()).contains("exited(1), running(1)");
        String[] table = {"ls", "--filter", "name=" + project};
        assertThat(ours(table).out()).isEqualTo(reference(table).out());
    }

    @Test
    void imagesMatchCompose() throws Exception {
        assertThat(ours("images", "--format", "json").out()).isEqualTo(reference("images", "--format", "json").out());
        assertThat(ours("images").out()).isEqualTo(reference("images").out());
        assertThat(ours("images", "-q").out()).isEqualTo(reference("images", "-q").out());
    }

    @Test
    void portPrintsThePublishedAddress() throws Exception {
        assertThat(ours("port", "web", "81").out()).isEqualTo(reference("port", "web", "81").out())
            .startsWith("127.0.0.1:");
        Result missing = ours("port", "job", "80");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("service \"job\" is not running\n");
    }

    @Test
    void topShowsEachContainersProcesses() throws Exception {
        List<String> expected = reference("top").out().lines().toList();
        List<String> actual = ours("top").out().lines().toList();

        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual.get(0)).isEqualTo(project + "-web-1");
        assertThat(actual.get(1)).isEqualTo(expected.get(1));
        assertThat(actual.get(2)).endsWith("sleep 3600   ");
    }

    @Test
    void statsSampleTheRunningContainer() throws Exception {
        Result stats = ours("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}");
        assertThat(stats.out()).isEqualTo(project + "-web-1 1\n");
    }
}
