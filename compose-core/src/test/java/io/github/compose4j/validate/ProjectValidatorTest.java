package io.github.compose4j.validate;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;

import static io.github.compose4j.testing.TestProjects.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each message is what docker compose prints for the same project. */
class ProjectValidatorTest {
    private static void fails(String yaml, String message) {
        assertThatThrownBy(() -> ProjectValidator.check(project(yaml)))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE))
                .hasMessage(message);
    }

    private static String web(String body) {
        return "services:\n  web:\n" + body.indent(4);
    }

    @Test
    void validProjectPasses() {
        assertThatCode(() -> ProjectValidator.check(project(web("image: x\nvolumes: ['data:/d']") + "volumes:\n  data: {}\n")))
                .doesNotThrowAnyException();
    }

    @Test
    void serviceNeedsAnImageOrABuild() {
        fails(web("environment: {A: b}"), "service \"web\" has neither an image nor a build context specified: invalid compose project");
    }

    @Test
    void dockerfileAndInlineDockerfileAreExclusive() {
        fails(web("build:\n  context: .\n  dockerfile: D\n  dockerfile_inline: FROM x"),
                "service \"web\" declares mutualy exclusive dockerfile and dockerfile_inline: invalid compose project");
    }

    @Test
    void additionalContextServiceMustExist() {
        fails(web("build:\n  context: .\n  additional_contexts:\n    base: service:nope"),
                "service \"web\" declares unknown service \"nope\" as additional contexts base");
    }

    @Test
    void additionalContextServiceMustBeBuildable() {
        fails(web("build:\n  context: .\n  additional_contexts:\n    base: service:img") + "  img:\n    image: x\n",
                "service \"web\" declares non-buildable service \"img\" as additional contexts base");
    }

    @Test
    void buildPlatformsMustIncludeThePlatform() {
        fails(web("platform: linux/arm64\nbuild:\n  context: .\n  platforms: [linux/amd64]"),
                "service.build.platforms MUST include service.platform \"linux/arm64\": invalid compose project");
    }

    @Test
    void networkModeAndNetworksAreExclusive() {
        fails(web("image: x\nnetwork_mode: host\nnetworks: [front]") + "networks:\n  front: {}\n",
                "service web declares mutually exclusive `network_mode` and `networks`: invalid compose project");
    }

    @Test
    void networkMustBeDeclared() {
        fails(web("image: x\nnetworks: [front]"), "service \"web\" refers to undefined network front: invalid compose project");
    }

    @Test
    void healthcheckTestMustStartWithAKnownWord() {
        fails(web("image: x\nhealthcheck:\n  test: [RUN, x]"), "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
    }

    @Test
    void dependencyMustExist() {
        fails(web("image: x\ndepends_on: [db]"), "service \"web\" depends on undefined service \"db\": invalid compose project");
    }

    @Test
    void optionalDependencyOnADisabledServiceIsAccepted() {
        String yaml = web("image: x\ndepends_on:\n  db:\n    condition: service_started\n    required: false")
                + "  db:\n    image: x\n    profiles: [extra]\n";
        assertThatCode(() -> ProjectValidator.check(project(yaml))).doesNotThrowAnyException();
    }

    @Test
    void requiredDependencyOnADisabledServiceFails() {
        fails(web("image: x\ndepends_on: [db]") + "  db:\n    image: x\n    profiles: [extra]\n",
                "service \"web\" depends on undefined service \"db\": invalid compose project");
    }

    @Test
    void networkModeServiceMustExist() {
        fails(web("image: x\nnetwork_mode: service:db"), "service \"db\" not found for network_mode 'service:db'");
    }

    @Test
    void namedVolumeMustBeDeclared() {
        fails(web("image: x\nvolumes: ['data:/d']"), "service \"web\" refers to undefined volume data: invalid compose project");
    }

    @Test
    void buildSecretMustBeDeclared() {
        fails(web("build:\n  context: .\n  secrets: [s]"), "service \"web\" refers to undefined build secret s: invalid compose project");
    }

    @Test
    void configMustBeDeclared() {
        fails(web("image: x\nconfigs: [c]"), "service \"web\" refers to undefined config c: invalid compose project");
    }

    @Test
    void secretMustBeDeclared() {
        fails(web("image: x\nsecrets: [s]"), "service \"web\" refers to undefined secret s: invalid compose project");
    }

    @Test
    void secretMustHaveASource() {
        fails("secrets:\n  s:\n    labels: {a: b}\n",
                "secret \"s\" must declare either `file` or `environment`: invalid compose project");
    }

    @Test
    void scaleAndReplicasMustAgree() {
        fails(web("image: x\nscale: 2\ndeploy:\n  replicas: 3"),
                "services.web: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project");
    }

    @Test
    void cpusMustAgreeWithTheLimit() {
        fails(web("image: x\ncpus: 1\ndeploy:\n  resources:\n    limits:\n      cpus: 2"),
                "services.web: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': invalid compose project");
    }

    @Test
    void memLimitMustAgreeWithTheLimit() {
        fails(web("image: x\nmem_limit: 1g\ndeploy:\n  resources:\n    limits:\n      memory: 2g"),
                "services.web: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory': invalid compose project");
    }

    @Test
    void memReservationMustAgreeWithTheReservation() {
        fails(web("image: x\nmem_reservation: 1g\ndeploy:\n  resources:\n    reservations:\n      memory: 2g"),
                "services.web: can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory': invalid compose project");
    }

    @Test
    void pidsLimitMustAgreeWithTheLimit() {
        fails(web("image: x\npids_limit: 10\ndeploy:\n  resources:\n    limits:\n      pids: 20"),
                "services.web: can't set distinct values on 'pids_limit' and 'deploy.resources.limits.pids': invalid compose project");
    }

    @Test
    void equalValuesOnBothSidesAreAccepted() {
        assertThatCode(() -> ProjectValidator.check(project(web("image: x\nmem_limit: 1g\ndeploy:\n  resources:\n    limits:\n      memory: 1024m"))))
                .doesNotThrowAnyException();
    }

    @Test
    void containerNameCannotBeScaled() {
        fails(web("image: x\nscale: 2\ncontainer_name: c"),
                "services.scale: can't set container_name and web as container name must be unique: invalid compose project");
    }

    @Test
    void containerNameCannotBeReplicated() {
        fails(web("image: x\ncontainer_name: c\ndeploy:\n  replicas: 2"),
                "services.deploy.replicas: can't set container_name and web as container name must be unique: invalid compose project");
    }

    @Test
    void watchTargetIsRequiredForSync() {
        fails(web("image: x\ndevelop:\n  watch:\n    - path: ./src\n      action: sync"),
                "services.web.develop.watch: target is required for non-rebuild actions: invalid compose project");
    }

    @Test
    void watchTargetIsOptionalForRebuild() {
        assertThatCode(() -> ProjectValidator.check(project(web("image: x\ndevelop:\n  watch:\n    - path: ./src\n      action: rebuild"))))
                .doesNotThrowAnyException();
    }

    @Test
    void dependencyCycleIsReportedAsAPath() {
        fails("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [c]\n"
                + "  c:\n    image: x\n    depends_on: [a]\n", "dependency cycle detected: a -> b -> c -> a");
    }

    @Test
    void servicesAreCheckedInNameOrder() {
        fails("services:\n  b:\n    image: x\n    secrets: [s]\n  a:\n    image: x\n    configs: [c]\n",
                "service \"a\" refers to undefined config c: invalid compose project");
    }

    @Test
    void scaleIsCopiedToDeployReplicas() {
        Project p = ProjectValidator.check(project(web("image: x\nscale: 2\ndeploy:\n  mode: replicated")));
        assertThat(p.services().get("web").deploy().get().replicas()).contains(2L);
    }
}
