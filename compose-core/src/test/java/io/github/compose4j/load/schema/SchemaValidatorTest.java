package io.github.compose4j.load.schema;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The bundled compose-spec.json, with Compose's wording. Every message here is what
 * {@code docker compose config} prints for the same file (Compose prints no position; ours points at
 * the offending node or key). Cases whose wording depends on the schema version live in
 * {@link SchemaWordingTest}, with small inline schemas.
 */
class SchemaValidatorTest {

    private static String error(String yaml) {
        MapNode root = Trees.yaml(yaml);
        ComposeException e = catchThrowableOfType(ComposeException.class,
                () -> SchemaValidator.get().validate(root, "/work/compose.yaml"));
        assertThat(e).as("expected a schema error").isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE);
        return e.getMessage();
    }

    @Test
    void acceptsAValidProject() {
        MapNode root = Trees.yaml("""
                name: demo
                x-common: &common
                  restart: always
                services:
                  web:
                    <<: *common
                    build:
                      context: .
                      args: [A=1]
                    image: example/web:1.0
                    command: ["sh", "-c", "echo hi"]
                    ports:
                      - "8080:80"
                      - 9090
                      - target: 443
                        published: "8443"
                    environment:
                      A: "1"
                      B: 2
                      C: true
                      D: null
                    depends_on:
                      db:
                        condition: service_healthy
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1m30s
                      timeout: 500ms
                      retries: 3
                    deploy:
                      replicas: 2
                      resources:
                        limits: {cpus: "0.5", memory: 50M}
                    volumes:
                      - ./data:/data:ro
                      - type: volume
                        source: v
                        target: /v
                    x-extra: anything
                  db:
                    image: postgres
                    develop:
                      watch:
                        - path: ./src
                          action: sync
                          target: /src
                networks:
                  front:
                  back: {driver: bridge}
                volumes:
                  v: {}
                secrets:
                  s: {file: ./s.txt}
                configs:
                  c: {external: true}
                """);
        assertThatCode(() -> SchemaValidator.get().validate(root)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnEmptyProject() {
        assertThatCode(() -> SchemaValidator.get().validate(Trees.yaml("services: {}\n")))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsIntegralFloatsWhereIntegersAreExpected() {
        // Compose encodes the tree to JSON first, where 2.0 is written 2.
        assertThatCode(() -> SchemaValidator.get().validate(Trees.yaml("""
                services:
                  app:
                    image: a
                    deploy:
                      replicas: 2.0
                """))).doesNotThrowAnyException();
    }

    @Test
    void wrongTypeNamesTheExpectedType() {
        assertThat(error("""
                services:
                  app:
                    image: 1
                """)).isEqualTo("compose.yaml:3:12: validating /work/compose.yaml: services.app.image must be a string");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            depends_on: db      | compose.yaml:4:17: validating /work/compose.yaml: services.app.depends_on must be a list
            environment: 1      | compose.yaml:4:18: validating /work/compose.yaml: services.app.environment must be a mapping
            ports: {a: 1}       | compose.yaml:4:12: validating /work/compose.yaml: services.app.ports must be a list
            cpus: true          | compose.yaml:4:11: validating /work/compose.yaml: services.app.cpus must be a number or string
            environment: {A: [1]} | compose.yaml:4:22: validating /work/compose.yaml: services.app.environment.A must be a string, number, boolean or null
            """)
    void typeErrorsUseComposeWordsForTypes(String entry, String expected) {
        assertThat(error("services:\n  app:\n    image: a\n    " + entry + "\n")).isEqualTo(expected);
    }

    @Test
    void aNullServiceMustBeAMapping() {
        assertThat(error("""
                services:
                  nil:
                """)).isEqualTo("compose.yaml:2:7: validating /work/compose.yaml: services.nil must be a mapping");
    }

    @Test
    void additionalPropertyPointsAtTheKey() {
        assertThat(error("""
                services:
                  app:
                    image: a
                    healthcheck:
                      test: ["CMD", "true"]
                      intervall: 10s
                """)).isEqualTo("compose.yaml:6:7: validating /work/compose.yaml: "
                + "services.app.healthcheck Additional property intervall is not allowed");
    }

    @Test
    void additionalPropertyAtTheRoot() {
        assertThat(error("servics:\n  app:\n    image: a\n"))
                .isEqualTo("compose.yaml:1:1: validating /work/compose.yaml: (root) Additional property servics is not allowed");
    }

    @Test
    void serviceNamesMustMatchThePattern() {
        assertThat(error("services:\n  bad name!:\n    image: a\n"))
                .isEqualTo("compose.yaml:2:3: validating /work/compose.yaml: services Additional property bad name! is not allowed");
    }

    @Test
    void enumRepeatsTheFieldAndListsAllowedValues() {
        assertThat(error("""
                services:
                  app:
                    image: a
                    pull_policy: sometimes
                """)).isEqualTo("compose.yaml:4:18: validating /work/compose.yaml: services.app.pull_policy "
                + "services.app.pull_policy must be one of the following: "
                + "\"always\", \"never\", \"if_not_present\", \"build\", \"missing\"");
    }

    @Test
    void enumInsideAOneOfBranch() {
        assertThat(error("""
                services:
                  app:
                    image: a
                    depends_on:
                      db:
                        condition: started
                  db:
                    image: b
                """)).isEqualTo("compose.yaml:6:20: validating /work/compose.yaml: services.app.depends_on.db.condition "
                + "services.app.depends_on.db.condition must be one of the following: "
                + "\"service_started\", \"service_healthy\", \"service_completed_successfully\"");
    }

    @Test
    void oneOfIsDescribedByItsClosestBranch() {
        // build is a string or a mapping; the mapping branch got further, so its error is shown.
        assertThat(error("""
                services:
                  app:
                    build:
                      context: .
                      foo: 1
                """)).isEqualTo("compose.yaml:5:7: validating /work/compose.yaml: "
                + "services.app.build Additional property foo is not allowed");
    }

    @Test
    void oneOfInsideAList() {
        assertThat(error("""
                services:
                  app:
                    image: a
                    secrets:
                      - s
                      - source: t
                        type: env
                secrets:
                  s: {file: ./s}
                  t: {file: ./t}
                """)).isEqualTo("compose.yaml:7:9: validating /work/compose.yaml: "
                + "services.app.secrets.1 Additional property type is not allowed");
    }

    @Test
    void requiredPointsAtTheMapping() {
        assertThat(error("""
                services:
                  app:
                    image: a
                    ulimits:
                      nofile:
                        soft: 1
                """)).isEqualTo("compose.yaml:6:9: validating /work/compose.yaml: "
                + "services.app.ulimits.nofile hard is required");
    }

    @Test
    void numericBounds() {
        assertThat(error("""
                services:
                  app:
                    image: a
                    cpu_percent: 101
                """)).isEqualTo("compose.yaml:4:18: validating /work/compose.yaml: "
                + "services.app.cpu_percent Must be less than or equal to 100");
    }

    @Test
    void uniqueItems() {
        assertThat(error("""
                services:
                  app:
                    image: a
                    security_opt: [a, b, a]
                """)).isEqualTo("compose.yaml:4:19: validating /work/compose.yaml: "
                + "services.app.security_opt array items[0,2] must be unique");
    }

    @Test
    void deepestErrorWins() {
        assertThat(error("""
                services:
                  app:
                    imagee: a
                    deploy:
                      resources:
                        limits:
                          memory: 1
                """)).isEqualTo("compose.yaml:7:19: validating /work/compose.yaml: "
                + "services.app.deploy.resources.limits.memory must be a string");
    }

    @Test
    void onTiesTheFirstErrorInDocumentOrderWins() {
        // Compose visits properties in Go's random map order and reports either error; we keep the first.
        assertThat(error("""
                services:
                  app:
                    restart: 2
                    image: 1
                """)).isEqualTo("compose.yaml:3:14: validating /work/compose.yaml: services.app.restart must be a string");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            .inf  | +Inf
            -.inf | -Inf
            .nan  | NaN
            """)
    void floatsJsonCannotEncodeFailBeforeValidation(String yaml, String shown) {
        assertThat(error("services:\n  app:\n    image: a\n    cpus: " + yaml + "\n"))
                .isEqualTo("compose.yaml:4:11: validating /work/compose.yaml: json: unsupported value: " + shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x-ext: [1, .nan]                                      | compose.yaml:1:12: validating f.yaml: json: unsupported value: NaN
            services: {app: {image: a, x-a: {b: {c: -.inf}}}}     | compose.yaml:1:41: validating f.yaml: json: unsupported value: -Inf
            services: {app: {image: a, labels: [.inf]}}           | compose.yaml:1:37: validating f.yaml: json: unsupported value: +Inf
            """)
    void floatsJsonCannotEncodeFailWhereverTheSchemaDoesNotLook(String yaml, String expected) {
        ComposeException e = catchThrowableOfType(ComposeException.class,
                () -> SchemaValidator.get().validate(Trees.yaml(yaml), "f.yaml"));
        assertThat(e).hasMessage(expected);
    }

    @Test
    void theFileNameDefaultsToTheRootMarkFile() {
        MapNode root = Trees.yaml("/p/compose.yaml", "services:\n  app:\n    image: [x]\n");
        assertThat(catchThrowableOfType(ComposeException.class, () -> SchemaValidator.get().validate(root)))
                .hasMessage("/p/compose.yaml:3:12: validating /p/compose.yaml: services.app.image must be a string");
    }

    @Test
    void isASingleLazilyLoadedInstance() {
        assertThat(SchemaValidator.get()).isSameAs(SchemaValidator.get());
    }
}
