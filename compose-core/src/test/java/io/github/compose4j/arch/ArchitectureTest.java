package io.github.compose4j.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of ARCHITECTURE.md: third-party libraries confined, the model a leaf, the planner pure. */
class ArchitectureTest {

    private static final String BASE = "io.github.compose4j";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void snakeYamlIsConfinedToTheYamlStage() {
        noClasses().that().resideOutsideOfPackage(BASE + ".load.yaml..")
                .should().dependOnClassesThat().resideInAPackage("org.snakeyaml..")
                .check(classes);
    }

    @Test
    void jgraphtIsConfinedToTheGraphPackage() {
        noClasses().that().resideOutsideOfPackage(BASE + ".graph..")
                .should().dependOnClassesThat().resideInAPackage("org.jgrapht..")
                .check(classes);
    }

    @Test
    void dockerJavaAndJacksonAreConfinedToTheDockerEngine() {
        noClasses().that().resideOutsideOfPackage(BASE + ".engine.docker..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheDockerEngineButItself() {
        noClasses().that().resideOutsideOfPackage(BASE + ".engine.docker..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".engine.docker..")
                .check(classes);
    }

    @Test
    void theModelIsALeaf() {
        noClasses().that().resideInAPackage(BASE + ".model")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".load..", BASE + ".engine..",
                        BASE + ".plan..", BASE + ".execute..", BASE + ".observe..", BASE + ".graph..",
                        BASE + ".validate..", BASE + ".select..", BASE + ".config..", BASE + ".event..")
                .check(classes);
    }

    @Test
    void theEnginePortSpeaksOnlyItsOwnTypes() {
        noClasses().that().resideInAPackage(BASE + ".engine")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".load..", BASE + ".model..",
                        BASE + ".plan..", BASE + ".execute..", BASE + ".observe..", BASE + ".graph..")
                .check(classes);
    }

    @Test
    void thePlannerIsPure() {
        noClasses().that().resideInAPackage(BASE + ".plan..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".execute..", BASE + ".load..",
                        BASE + ".engine.docker..", "java.nio.file..", "java.net..")
                .check(classes);
    }

    @Test
    void loaderStagesDoNotReachIntoExecution() {
        noClasses().that().resideInAPackage(BASE + ".load..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".engine..", BASE + ".plan..",
                        BASE + ".execute..", BASE + ".observe..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(classes);
    }
}
