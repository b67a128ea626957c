package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.source.ConfigFile;
import io.github.compose4j.load.yaml.YamlLimits;
import io.github.compose4j.load.yaml.YamlParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.compose4j.load.Requests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** File discovery, environment and project name precedence, as docker compose applies them. */
class ProjectSetupTest {
    private static final String SERVICE = "services:\n  web:\n    image: x\n";

    @TempDir
    Path tmp;
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void project() {
        dir = tmp.resolve("app");
    }

    private Requests in(Path cwd) {
        return new Requests(cwd);
    }

    private ProjectSetup.Resolved resolve(Requests r) {
        return new ProjectSetup(r.build(), new io.github.compose4j.load.source.Documents(new YamlParser(YamlLimits.DEFAULT)), warnings::add).resolve(true);
    }

    private List<String> fileNames(Requests r) {
        return resolve(r).details().files().stream().map(ConfigFile::name).toList();
    }

    private static String s(Path p) {
        return p.toString();
    }

    @Test
    void explicitFilesAreResolvedAgainstTheCurrentDirectory() {
        write(dir, "sub/a.yaml", SERVICE);
        write(dir, "b.yaml", SERVICE);
        assertThat(fileNames(in(dir).file("sub/a.yaml").file("b.yaml")))
                .containsExactly(s(dir.resolve("sub/a.yaml")), s(dir.resolve("b.yaml")));
    }

    @Test
    void workingDirectoryIsTheFirstFilesDirectory() {
        write(dir, "sub/a.yaml", SERVICE);
        assertThat(resolve(in(dir).file("sub/a.yaml")).details().workingDir()).isEqualTo(s(dir.resolve("sub")));
    }

    @Test
    void dashReadsStandardInputAndKeepsTheCurrentDirectory() {
        ProjectSetup.Resolved r = resolve(in(dir).file("-").stdin(SERVICE));
        assertThat(r.details().files()).containsExactly(new ConfigFile("-", SERVICE));
        assertThat(r.details().workingDir()).isEqualTo(s(dir));
    }

    @Test
    void composeFileVariableListsFilesWithColons() {
        write(dir, "a.yaml", SERVICE);
        write(dir, "b.yaml", SERVICE);
        assertThat(fileNames(in(dir).env("COMPOSE_FILE", "a.yaml:b.yaml")))
                .containsExactly(s(dir.resolve("a.yaml")), s(dir.resolve("b.yaml")));
    }

    @Test
    void composePathSeparatorChangesTheSeparator() {
        write(dir, "a.yaml", SERVICE);
        write(dir, "b.yaml", SERVICE);
        assertThat(fileNames(in(dir).env("COMPOSE_FILE", "a.yaml;b.yaml").env("COMPOSE_PATH_SEPARATOR", ";")))
                .containsExactly(s(dir.resolve("a.yaml")), s(dir.resolve("b.yaml")));
    }

    @Test
    void missingComposeFileFailsAsGoStat() {
        write(dir, "compose.yaml", SERVICE);
        assertThatThrownBy(() -> resolve(in(dir).env("COMPOSE_FILE", "nope.yaml")))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.GENERAL))
                .hasMessage("stat " + dir.resolve("nope.yaml") + ": no such file or directory");
    }

    @Test
    void fileFlagWinsOverComposeFileVariable() {
        write(dir, "a.yaml", SERVICE);
        write(dir, "b.yaml", SERVICE);
        assertThat(fileNames(in(dir).file("b.yaml").env("COMPOSE_FILE", "a.yaml"))).containsExactly(s(dir.resolve("b.yaml")));
    }

    @Test
    void composeYamlIsPreferredAndTheOthersAreReported() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, "docker-compose.yml", SERVICE);
        assertThat(fileNames(in(dir))).containsExactly(s(dir.resolve("compose.yaml")));
        String found = "Found multiple config files with supported names: " + dir.resolve("compose.yaml") + ", "
                + dir.resolve("docker-compose.yml");
        String using = "Using " + dir.resolve("compose.yaml");
        // Compose looks for the files twice (environment, then load) and reports both times.
        assertThat(warnings).containsExactly(found, using, found, using);
    }

    @Test
    void eachSupportedNameIsFound() {
        for (String name : ProjectSetup.DEFAULT_FILES) {
            Path d = tmp.resolve("n-" + name);
            write(d, name, SERVICE);
            assertThat(fileNames(in(d))).as(name).containsExactly(s(d.resolve(name)));
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void ymlIsPreferredOverYamlForTheLegacyName() {
        write(dir, "docker-compose.yaml", SERVICE);
        write(dir, "docker-compose.yml", SERVICE);
        assertThat(fileNames(in(dir))).containsExactly(s(dir.resolve("docker-compose.yml")));
    }

    @Test
    void searchGoesUpToTheParentDirectories() {
        write(dir, "compose.yaml", SERVICE);
        Path deep = dir.resolve("a/b");
        write(deep, "placeholder", "");
        ProjectSetup.Resolved r = resolve(in(deep));
        assertThat(r.details().files()).extracting(ConfigFile::name).containsExactly(s(dir.resolve("compose.yaml")));
        assertThat(r.details().workingDir()).isEqualTo(s(dir));
    }

    @Test
    void overrideFileIsAddedAfterTheMainFile() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, "compose.override.yaml", SERVICE);
        assertThat(fileNames(in(dir))).containsExactly(s(dir.resolve("compose.yaml")), s(dir.resolve("compose.override.yaml")));
    }

    @Test
    void severalOverrideFilesAreReported() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, "compose.override.yml", SERVICE);
        write(dir, "docker-compose.override.yml", SERVICE);
        assertThat(fileNames(in(dir))).containsExactly(s(dir.resolve("compose.yaml")), s(dir.resolve("compose.override.yml")));
        String found = "Found multiple override files with supported names: " + dir.resolve("compose.override.yml")
                + ", " + dir.resolve("docker-compose.override.yml");
        String using = "Using " + dir.resolve("compose.override.yml");
        assertThat(warnings).containsExactly(found, using, found, using);
    }

    @Test
    void noFileFoundFailsAsFileNotFound() {
        write(dir, "placeholder", "");
        assertThatThrownBy(() -> resolve(in(dir)))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.FILE_NOT_FOUND))
                .hasMessage("no configuration file provided: not found");
    }

    @Test
    void projectDirectoryIsSearchedAndBecomesTheWorkingDirectory() {
        write(dir, "compose.yaml", SERVICE);
        Path elsewhere = tmp.resolve("elsewhere");
        write(elsewhere, "placeholder", "");
        ProjectSetup.Resolved r = resolve(in(elsewhere).projectDirectory("../app"));
        assertThat(r.details().files()).extracting(ConfigFile::name).containsExactly(s(dir.resolve("compose.yaml")));
        assertThat(r.details().workingDir()).isEqualTo(s(dir));
    }

    @Test
    void projectDirectoryIsTheWorkingDirectoryEvenWithExplicitFiles() {
        write(dir, "sub/a.yaml", SERVICE);
        assertThat(resolve(in(dir).file("sub/a.yaml").projectDirectory(".")).details().workingDir()).isEqualTo(s(dir));
    }

    @Test
    void dotEnvOfTheWorkingDirectoryIsRead() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, ".env", "A=dotenv\n");
        assertThat(resolve(in(dir)).environment()).containsEntry("A", "dotenv");
    }

    @Test
    void dotEnvIsReadFromTheProjectNotTheCurrentDirectory() {
        write(dir, "sub/compose.yaml", SERVICE);
        write(dir, ".env", "A=cwd\n");
        write(dir, "sub/.env", "A=project\n");
        assertThat(resolve(in(dir).file("sub/compose.yaml")).environment()).containsEntry("A", "project");
    }

    @Test
    void processEnvironmentWinsOverDotEnv() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, ".env", "A=dotenv\nB=dotenv\n");
        assertThat(resolve(in(dir).env("A", "os")).environment()).containsEntry("A", "os").containsEntry("B", "dotenv");
    }

    @Test
    void envFileFlagReplacesDotEnv() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, ".env", "A=dotenv\nB=dotenv\n");
        write(dir, "other.env", "A=other\n");
        assertThat(resolve(in(dir).envFile("other.env")).environment()).containsEntry("A", "other").doesNotContainKey("B");
    }

    @Test
    void laterEnvFilesWin() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, "a.env", "A=a\nB=a\n");
        write(dir, "b.env", "A=b\n");
        assertThat(resolve(in(dir).envFile("a.env").envFile("b.env")).environment()).containsEntry("A", "b").containsEntry("B", "a");
    }

    @Test
    void composeEnvFilesVariableListsEnvFiles() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, "a.env", "A=a\n");
        write(dir, "b.env", "B=b\n");
        assertThat(resolve(in(dir).env("COMPOSE_ENV_FILES", "a.env,b.env")).environment())
                .containsEntry("A", "a").containsEntry("B", "b");
    }

    @Test
    void envFileFlagWinsOverComposeEnvFiles() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, "a.env", "A=a\n");
        write(dir, "b.env", "B=b\n");
        assertThat(resolve(in(dir).envFile("b.env").env("COMPOSE_ENV_FILES", "a.env")).environment()).doesNotContainKey("A");
    }

    @Test
    void missingEnvFileFails() {
        write(dir, "compose.yaml", SERVICE);
        assertThatThrownBy(() -> resolve(in(dir).envFile("nope.env")))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.GENERAL))
                .hasMessage("Couldn't find env file: " + dir.resolve("nope.env"));
    }

    @Test
    void disableEnvFileSkipsDotEnv() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, ".env", "A=dotenv\n");
        assertThat(resolve(in(dir).env("COMPOSE_DISABLE_ENV_FILE", "1")).environment()).doesNotContainKey("A");
    }

    @Test
    void disableEnvFileDoesNotSkipExplicitEnvFiles() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, "a.env", "A=a\n");
        assertThat(resolve(in(dir).envFile("a.env").env("COMPOSE_DISABLE_ENV_FILE", "true")).environment()).containsEntry("A", "a");
    }

    @Test
    void disableEnvFileMustBeAGoBoolean() {
        write(dir, "compose.yaml", SERVICE);
        assertThatThrownBy(() -> resolve(in(dir).env("COMPOSE_DISABLE_ENV_FILE", "maybe")))
                .hasMessage("strconv.ParseBool: parsing \"maybe\": invalid syntax");
    }

    @Test
    void projectNameFlagWinsOverEverything() {
        write(dir, "compose.yaml", "name: fromfile\n" + SERVICE);
        assertThat(resolve(in(dir).name("flag").env("COMPOSE_PROJECT_NAME", "env")).name()).isEqualTo(new ProjectName("flag", true));
    }

    @Test
    void projectNameVariableWinsOverTheFile() {
        write(dir, "compose.yaml", "name: fromfile\n" + SERVICE);
        assertThat(resolve(in(dir).env("COMPOSE_PROJECT_NAME", "env")).name()).isEqualTo(new ProjectName("env", true));
    }

    @Test
    void projectNameVariableMayComeFromDotEnv() {
        write(dir, "compose.yaml", "name: fromfile\n" + SERVICE);
        write(dir, ".env", "COMPOSE_PROJECT_NAME=fromdotenv\n");
        assertThat(resolve(in(dir)).name().value()).isEqualTo("fromdotenv");
    }

    @Test
    void fileNameIsInterpolatedAndNormalized() {
        write(dir, "compose.yaml", "name: \"My_App-${X}\"\n" + SERVICE);
        assertThat(resolve(in(dir).env("X", "Y")).name()).isEqualTo(new ProjectName("my_app-y", false));
    }

    @Test
    void lastFileWithANameWins() {
        write(dir, "a.yaml", "name: first\n" + SERVICE);
        write(dir, "b.yaml", "name: second\n" + SERVICE);
        assertThat(resolve(in(dir).file("a.yaml").file("b.yaml")).name().value()).isEqualTo("second");
    }

    @Test
    void uninterpolatedFileNameIsNormalizedAsWritten() {
        write(dir, "compose.yaml", "name: \"My_App-${X}\"\n" + SERVICE);
        ProjectSetup setup = new ProjectSetup(in(dir).build(), new io.github.compose4j.load.source.Documents(new YamlParser(YamlLimits.DEFAULT)), warnings::add);
        assertThat(setup.resolve(false).name().value()).isEqualTo("my_app-x");
    }

    @Test
    void directoryNameIsTheLastResortNormalized() {
        Path d = tmp.resolve("My.Dir");
        write(d, "compose.yaml", SERVICE);
        assertThat(resolve(in(d)).name()).isEqualTo(new ProjectName("mydir", false));
    }

    @Test
    void invalidProjectNameFlagFailsBeforeLoading() {
        write(dir, "compose.yaml", SERVICE);
        assertThatThrownBy(() -> resolve(in(dir).name("Upper")))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.GENERAL))
                .hasMessage("invalid project name \"Upper\": must consist only of lowercase alphanumeric characters, "
                        + "hyphens, and underscores as well as start with a letter or number");
    }

    @Test
    void invalidProjectNameVariableIsAnInvalidProject() {
        write(dir, "compose.yaml", SERVICE);
        assertThatThrownBy(() -> resolve(in(dir).env("COMPOSE_PROJECT_NAME", "Upper")))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE))
                .hasMessageStartingWith("invalid project name \"Upper\"");
    }

    @Test
    void profilesComeFromTheVariableTrimmed() {
        write(dir, "compose.yaml", SERVICE);
        assertThat(resolve(in(dir).env("COMPOSE_PROFILES", "a, b")).profiles()).containsExactly("a", "b");
    }

    @Test
    void profileFlagsWinOverTheVariable() {
        write(dir, "compose.yaml", SERVICE);
        assertThat(resolve(in(dir).profile("c").env("COMPOSE_PROFILES", "a")).profiles()).containsExactly("c");
    }

    @Test
    void effectiveEnvironmentIsDotEnvUnderTheProcessEnvironment() {
        write(dir, "compose.yaml", SERVICE);
        write(dir, ".env", "A=dotenv\nB=dotenv\n");
        ProjectSetup setup = new ProjectSetup(in(dir).env("B", "os").build(), new io.github.compose4j.load.source.Documents(new YamlParser(YamlLimits.DEFAULT)), warnings::add);
        assertThat(setup.effectiveEnvironment()).containsEntry("A", "dotenv").containsEntry("B", "os");
    }

    @Test
    void normalizationKeepsOnlyLowercaseLettersDigitsDashAndUnderscore() {
        assertThat(ProjectName.normalize("-_My App.v2")).isEqualTo("myappv2");
    }
}
