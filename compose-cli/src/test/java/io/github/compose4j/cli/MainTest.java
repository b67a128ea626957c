package io.github.compose4j.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line end to end, in temporary directories. Expected outputs, messages and exit codes are
 * what docker compose 2.26.1 prints for the same project and arguments.
 */
class MainTest {
    private static final String APP = """
            services:
              web:
                image: "nginx:${TAG:-1.25}"
                volumes: ["data:/data"]
              worker:
                build: .
                profiles: [jobs]
            volumes:
              data: {}
            """;

    @TempDir
    Path tmp;
    Path dir;
    final Map<String, String> env = new HashMap<>();
    String stdin = "";
    String out;
    String err;

    @BeforeEach
    void project() throws IOException {
        dir = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(dir.resolve("compose.yaml"), APP);
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        String in = stdin;
        CliContext ctx = new CliContext(dir, env, () -> in, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        int code = Main.run(ctx, args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void configPrintsTheProjectAsYaml() {
        assertThat(run("config")).isZero();
        assertThat(out).isEqualTo("""
                name: app
                services:
                  web:
                    image: nginx:1.25
                    networks:
                      default: null
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                        volume: {}
                networks:
                  default:
                    name: app_default
                volumes:
                  data:
                    name: app_data
                """);
        assertThat(err).isEmpty();
    }

    @Test
    void configPrintsTheProjectAsJsonWithoutTrailingNewline() {
        assertThat(run("config", "--format", "json")).isZero();
        assertThat(out).isEqualTo("""
                {
                  "name": "app",
                  "networks": {
                    "default": {
                      "name": "app_default",
                      "ipam": {}
                    }
                  },
                  "services": {
                    "web": {
                      "command": null,
                      "entrypoint": null,
                      "image": "nginx:1.25",
                      "networks": {
                        "default": null
                      },
                      "volumes": [
                        {
                          "type": "volume",
                          "source": "data",
                          "target": "/data",
                          "volume": {}
                        }
                      ]
                    }
                  },
                  "volumes": {
                    "data": {
                      "name": "app_data"
                    }
                  }
                }""");
    }

    @Test
    void environmentVariablesAreInterpolated() {
        env.put("TAG", "1.26");
        run("config", "--images");
        assertThat(out).isEqualTo("nginx:1.26\n");
    }

    @Test
    void noInterpolateKeepsVariables() {
        assertThat(run("config", "--no-interpolate")).isZero();
        assertThat(out).contains("    image: nginx:${TAG:-1.25}\n");
    }

    @Test
    void servicesAreListedOnePerLine() {
        run("--profile", "jobs", "config", "--services");
        assertThat(out).isEqualTo("web\nworker\n");
    }

    @Test
    void volumesAreListedOnePerLine() {
        run("config", "--volumes");
        assertThat(out).isEqualTo("data\n");
    }

    @Test
    void profilesAreListedOnePerLine() {
        run("config", "--profiles");
        assertThat(out).isEqualTo("jobs\n");
    }

    @Test
    void imagesNameBuiltImagesAfterTheProject() {
        run("--profile", "jobs", "config", "--images");
        assertThat(out).isEqualTo("nginx:1.25\napp-worker\n");
    }

    @Test
    void hashIsComposesConfigHash() {
        run("config", "--hash", "web");
        assertThat(out).isEqualTo("web c9b3b474c003e6761334132e72136e11fdad110bae5fcd43b6f0e720be363cfd\n");
    }

    @Test
    void variablesAreATableAlignedLikeComposes() {
        run("config", "--variables");
        assertThat(out).isEqualTo("""
                NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE
                TAG                 false               1.25               \s
                """);
    }

    @Test
    void variablesColumnsWidenForLongNames() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: ${A_RATHER_LONG_VARIABLE_NAME?need it}\n");
        run("config", "--variables");
        assertThat(out).isEqualTo("""
                NAME                          REQUIRED            DEFAULT VALUE       ALTERNATE VALUE
                A_RATHER_LONG_VARIABLE_NAME   true                                   \s
                """);
    }

    @Test
    void quietPrintsNothing() {
        assertThat(run("config", "-q")).isZero();
        assertThat(out).isEmpty();
        assertThat(err).isEmpty();
    }

    @Test
    void quietStillValidates() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: x\n    depends_on: [db]\n");
        assertThat(run("config", "-q")).isEqualTo(15);
        assertThat(out).isEmpty();
    }

    @Test
    void outputWritesAFileInsteadOfPrinting() throws IOException {
        assertThat(run("config", "-o", "out.yaml")).isZero();
        assertThat(out).isEmpty();
        assertThat(Files.readString(dir.resolve("out.yaml"))).startsWith("name: app\nservices:\n  web:\n");
    }

    @Test
    void standardInputIsAComposeFile() {
        stdin = "services:\n  solo:\n    image: x\n";
        run("-f", "-", "config", "--services");
        assertThat(out).isEqualTo("solo\n");
    }

    @Test
    void missingFileExitsWith14() throws IOException {
        Files.delete(dir.resolve("compose.yaml"));
        assertThat(run("config")).isEqualTo(14);
        assertThat(err).isEqualTo("no configuration file provided: not found\n");
        assertThat(out).isEmpty();
    }

    @Test
    void invalidProjectExitsWith15WithoutStackTrace() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: x\n    depends_on: [db]\n");
        assertThat(run("config")).isEqualTo(15);
        assertThat(err).isEqualTo("service \"web\" depends on undefined service \"db\": invalid compose project\n");
    }

    @Test
    void schemaErrorExitsWith15AndNamesThePosition() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: x\n    ports: 80\n");
        assertThat(run("config")).isEqualTo(15);
        Path file = dir.resolve("compose.yaml");
        assertThat(err).isEqualTo(file + ":4:12: validating " + file + ": services.web.ports must be a list\n");
    }

    @Test
    void valueComposeCannotDecodeExitsWith15WithComposesWording() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: x\n    mem_limit: lots\n");
        assertThat(run("config")).isEqualTo(15);
        assertThat(err).isEqualTo(dir.resolve("compose.yaml") + ":4:16: decoding failed due to the following error(s):\n\n"
                + "error decoding 'services[web].mem_limit': invalid size: 'lots'\n");
    }

    @Test
    void unknownFlagExitsWith16() {
        assertThat(run("config", "--nope")).isEqualTo(16);
        assertThat(err).isEqualTo("unknown flag: --nope\n");
    }

    @Test
    void unknownShorthandFlagExitsWith16() {
        assertThat(run("config", "-x")).isEqualTo(16);
        assertThat(err).isEqualTo("unknown shorthand flag: 'x' in -x\n");
    }

    @Test
    void aFlagWithoutItsValueIsNamedAsTyped() {
        assertThat(run("down", "-t")).isEqualTo(16);
        assertThat(err).isEqualTo("flag needs an argument: 't' in -t\n");
        assertThat(run("logs", "--tail")).isEqualTo(16);
        assertThat(err).isEqualTo("flag needs an argument: --tail\n");
        assertThat(run("-p")).isEqualTo(16);
        assertThat(err).isEqualTo("flag needs an argument: 'p' in -p\n");
    }

    @Test
    void anUnreadableNumberOrBooleanIsRefusedAsTheDockerCliRefusesIt() {
        assertThat(run("down", "-t", "soon")).isEqualTo(16);
        assertThat(err).isEqualTo("invalid argument \"soon\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing "
                + "\"soon\": invalid syntax\n");
        assertThat(run("ps", "-q=maybe")).isEqualTo(16);
        assertThat(err).isEqualTo("invalid argument \"maybe\" for \"-q, --quiet\" flag: strconv.ParseBool: parsing "
                + "\"maybe\": invalid syntax\n");
        // The root's flags are read by the docker CLI, where a bad value is a general failure.
        assertThat(run("--parallel", "1.5", "ps")).isEqualTo(1);
        assertThat(err).isEqualTo("invalid argument \"1.5\" for \"--parallel\" flag: strconv.ParseInt: parsing "
                + "\"1.5\": invalid syntax\n");
    }

    @Test
    void aParallelLimitThatIsNoNumberFailsEvenCommandsThatRunNothingInParallel() {
        env.put("COMPOSE_PARALLEL_LIMIT", "abc");
        assertThat(run("config", "-q")).isEqualTo(1);
        assertThat(err).isEqualTo("COMPOSE_PARALLEL_LIMIT must be an integer (found: \"abc\")\n");
        assertThat(run("version", "--short")).isZero();
    }

    @Test
    void watchingWithoutBuildingIsRefused() {
        assertThat(run("up", "--watch", "--no-build")).isEqualTo(1);
        assertThat(err).isEqualTo("--no-build and --watch are incompatible\n");
        assertThat(run("watch")).isEqualTo(1);
        assertThat(err).isEqualTo("none of the selected services is configured for watch, consider setting an "
                + "'develop' section\n");
    }

    @Test
    void anUnreadableBuildMemoryIsRefusedAsTheDockerCliRefusesIt() {
        assertThat(run("build", "-m", "lots")).isEqualTo(16);
        assertThat(err).isEqualTo("invalid argument \"lots\" for \"-m, --memory\" flag: invalid size: 'lots'\n");
    }

    @Test
    void helpPrintsTheCommandsUsageOnStdout() {
        assertThat(run("down", "--help")).isZero();
        assertThat(err).isEmpty();
        assertThat(out).isEqualTo("""

                Usage:  docker compose down [OPTIONS] [SERVICES]

                Stop and remove containers, networks

                Options:
                      --dry-run          Execute command in dry run mode
                      --remove-orphans   Remove containers for services not defined in
                                         the Compose file
                      --rmi string       Remove images used by services. "local" remove
                                         only images that don't have a custom tag
                                         ("local"|"all")
                  -t, --timeout int      Specify a shutdown timeout in seconds
                  -v, --volumes          Remove named volumes declared in the "volumes"
                                         section of the Compose file and anonymous
                                         volumes attached to containers
                """);
    }

    @Test
    void helpAnywhereIsTheHelpOfTheLastCommandNamedAndDashHIsDeprecated() {
        assertThat(run("--help", "up")).isZero();
        assertThat(out).startsWith("\nUsage:  docker compose up [OPTIONS] [SERVICE...]\n\nCreate and start containers\n");
        assertThat(run("config", "-h")).isZero();
        assertThat(out).startsWith("Flag shorthand -h has been deprecated, please use --help\n\n"
                + "Usage:  docker compose config [OPTIONS] [SERVICE...]\n");
        assertThat(out).contains("\nAliases:\n  docker compose config, docker compose convert\n");
    }

    @Test
    void theRootsHelpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out).startsWith("\nUsage:  docker compose [OPTIONS] COMMAND\n\nDefine and run multi-container "
                + "applications with Docker\n\nOptions:\n      --ansi string                Control when to print ANSI control\n")
                .contains("\n  -p, --project-name string        Project name\n\nCommands:\n  attach      Attach local standard input, output, and error streams "
                        + "to a service's running container\n  build       Build or rebuild services\n")
                .endsWith("\nRun 'docker compose COMMAND --help' for more information on a command.\n");
        String bare = out;
        assertThat(run()).isZero();
        assertThat(out).isEqualTo(bare);
    }

    @Test
    void helpAfterACommandsOwnArgumentsBelongsToTheContainersCommand() {
        // In dry-run mode the run goes no further than the command line: nothing reaches the engine.
        assertThat(run("--dry-run", "run", "web", "echo", "--help")).isEqualTo(1);
        assertThat(err).isEqualTo("interactive run is not supported in dry-run mode\n");
        assertThat(out).doesNotContain("Usage:");
        assertThat(run("--dry-run", "run", "-d", "web", "echo", "--help")).isZero();
    }

    @Test
    void createRefusesTheFlagsOfUpThatComposesCreateDoesNotTake() {
        assertThat(run("create", "-d")).isEqualTo(16);
        assertThat(err).isEqualTo("unknown shorthand flag: 'd' in -d\n");
        assertThat(run("create", "--wait")).isEqualTo(16);
        assertThat(err).isEqualTo("unknown flag: --wait\n");
        assertThat(run("create", "--help")).isZero();
        assertThat(out).contains("      --scale scale      Scale SERVICE to NUM instances. Overrides the\n"
                + "                         scale setting in the Compose file if present.\n")
                .doesNotContain("--detach");
    }

    @Test
    void unknownCommandExitsWith16() {
        assertThat(run("nope")).isEqualTo(16);
        assertThat(err).startsWith("unknown docker command: \"compose nope\"");
    }

    @Test
    void unknownServiceExitsWith1() {
        assertThat(run("config", "nope")).isEqualTo(1);
        assertThat(err).isEqualTo("no such service: nope\n");
    }

    @Test
    void unsupportedFormatExitsWith1() {
        assertThat(run("config", "--format", "xml")).isEqualTo(1);
        assertThat(err).isEqualTo("unsupported format \"xml\"\n");
    }

    @Test
    void invalidProjectNameFlagExitsWith1() {
        assertThat(run("-p", "Upper", "config")).isEqualTo(1);
        assertThat(err).startsWith("invalid project name \"Upper\": must consist only of lowercase");
    }

    @Test
    void warningsGoToStandardErrorAsLogfmt() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "version: '3'\n" + APP);
        assertThat(run("config", "--services")).isZero();
        assertThat(out).isEqualTo("web\n");
        assertThat(err).matches("time=\"[^\"]+\" level=warning msg=\"" + java.util.regex.Pattern.quote(dir.resolve("compose.yaml")
                + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion")
                + "\"\n");
    }

    @Test
    void versionShortPrintsTheCompatibleVersion() {
        assertThat(run("version", "--short")).isZero();
        assertThat(out).isEqualTo(Version.compatible() + "\n");
        assertThat(out).startsWith("2.26.1+compose4j.");
    }

    @Test
    void versionAsJson() {
        assertThat(run("version", "--format", "json")).isZero();
        assertThat(out).isEqualTo("{\"version\":\"" + Version.compatible() + "\"}\n");
    }

    @Test
    void versionWithAnotherFormatPrintsThePrettyLineAsCompose() {
        assertThat(run("version", "--format", "xml")).isZero();
        assertThat(out).startsWith("compose4j version ");
    }
}
