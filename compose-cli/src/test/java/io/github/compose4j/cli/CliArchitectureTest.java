package io.github.compose4j.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI wires the Docker engine in {@code Main} and nowhere else; docker-java never leaks into commands. */
class CliArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.compose4j.cli");

    @Test
    void onlyMainBuildsTheDockerEngine() {
        noClasses().that().resideInAPackage("io.github.compose4j.cli..")
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.github.compose4j.engine.docker..")
                .check(classes);
    }

    @Test
    void commandsNeverSeeDockerJava() {
        noClasses().that().resideInAPackage("io.github.compose4j.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }
}
