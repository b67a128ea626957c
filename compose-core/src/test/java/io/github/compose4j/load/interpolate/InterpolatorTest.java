package io.github.compose4j.load.interpolate;

import static io.github.compose4j.load.interpolate.Trees.at;
import static io.github.compose4j.load.interpolate.Trees.map;
import static io.github.compose4j.load.interpolate.Trees.valueAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterpolatorTest {
    private static final Lookup ENV = Lookup.of(Map.of("A", "a", "KEY", "resolved", "N", "3", "T", "true"));

    private static MapNode service(Object... keysAndValues) {
        return map("services", map("app", map(keysAndValues)));
    }

    private static Object serviceValue(MapNode root, Object... path) {
        Object[] full = new Object[path.length + 2];
        full[0] = "services";
        full[1] = "app";
        System.arraycopy(path, 0, full, 2, path.length);
        return valueAt(root, full);
    }

    @Test
    void interpolatesStringsInMappingsAndSequences() {
        MapNode out = Interpolator.interpolate(service(
                "image", "img:${A}",
                "command", List.of("echo", "$A"),
                "environment", map("X", "${A}-x")), ENV);
        assertThat(serviceValue(out, "image")).isEqualTo("img:a");
        assertThat(serviceValue(out, "command", 1)).isEqualTo("a");
        assertThat(serviceValue(out, "environment", "X")).isEqualTo("a-x");
    }

    @Test
    void leavesMappingKeysAlone() {
        MapNode out = Interpolator.interpolate(service("environment", map("${KEY}", "value")), ENV);
        assertThat(((MapNode) at(out, "services", "app", "environment")).keys()).containsExactly("${KEY}");
    }

    @Test
    void interpolatesExtensionsAndTopLevelResources() {
        MapNode out = Interpolator.interpolate(map(
                "x-settings", map("nested", List.of("${A}")),
                "networks", map("front", map("name", "${KEY}"))), ENV);
        assertThat(valueAt(out, "x-settings", "nested", 0)).isEqualTo("a");
        assertThat(valueAt(out, "networks", "front", "name")).isEqualTo("resolved");
    }

    @Test
    void leavesNonStringScalarsAlone() {
        MapNode out = Interpolator.interpolate(service("scale", 2, "tty", true, "x-null", null, "cpus", 1.5), ENV);
        assertThat(serviceValue(out, "scale")).isEqualTo(2L);
        assertThat(serviceValue(out, "tty")).isEqualTo(true);
        assertThat(serviceValue(out, "x-null")).isNull();
        assertThat(serviceValue(out, "cpus")).isEqualTo(1.5);
    }

    @Test
    void keepsMarksAndTags() {
        Mark valueMark = new Mark("compose.yaml", 4, 12);
        Mark keyMark = new Mark("compose.yaml", 4, 5);
        MapNode environment = MapNode.builder(new Mark("compose.yaml", 4, 5))
                .put("X", keyMark, new ScalarNode("${A}", valueMark, Tag.OVERRIDE))
                .tag(Tag.RESET).build();
        SeqNode command = new SeqNode(List.of(ScalarNode.of("$A")), new Mark("compose.yaml", 6, 14), Tag.RESET);
        MapNode out = Interpolator.interpolate(service("environment", environment, "command", command), ENV);

        MapNode env = (MapNode) at(out, "services", "app", "environment");
        assertThat(env.tag()).isEqualTo(Tag.RESET);
        assertThat(env.keyMark("X")).isEqualTo(keyMark);
        assertThat(env.get("X")).isEqualTo(new ScalarNode("a", valueMark, Tag.OVERRIDE));
        Node cmd = at(out, "services", "app", "command");
        assertThat(cmd.tag()).isEqualTo(Tag.RESET);
        assertThat(cmd.mark()).isEqualTo(new Mark("compose.yaml", 6, 14));
    }

    @Test
    void returnsUnchangedSubtreesAsTheyWere() {
        MapNode untouched = map("image", "alpine", "command", List.of("a", "b"));
        MapNode root = map("services", map("plain", untouched, "var", map("image", "$A")));
        MapNode out = Interpolator.interpolate(root, ENV);
        assertThat(at(out, "services", "plain")).isSameAs(untouched);
        assertThat(Interpolator.interpolate(untouched, ENV)).isSameAs(untouched);
    }

    private static List<Object> svc(Object... path) {
        List<Object> full = new ArrayList<>(List.of("services", "app"));
        full.addAll(List.of(path));
        return full;
    }

    static Stream<Arguments> casts() {
        return Stream.of(
                Arguments.of(service("deploy", map("replicas", "${N}")), svc("deploy", "replicas"), 3L),
                Arguments.of(service("scale", "+2"), svc("scale"), 2L),
                Arguments.of(service("oom_score_adj", "-500"), svc("oom_score_adj"), -500L),
                Arguments.of(service("cpu_shares", "512"), svc("cpu_shares"), 512L),
                Arguments.of(service("healthcheck", map("retries", "${N}")), svc("healthcheck", "retries"), 3L),
                Arguments.of(service("ports", List.of(map("target", "80"))), svc("ports", 0, "target"), 80L),
                Arguments.of(service("secrets", List.of(map("source", "s", "mode", "0440"))),
                        svc("secrets", 0, "mode"), 440L),
                Arguments.of(service("ulimits", map("nproc", "${N}")), svc("ulimits", "nproc"), 3L),
                Arguments.of(service("ulimits", map("nofile", map("soft", "10", "hard", "+20"))),
                        svc("ulimits", "nofile", "hard"), 20L),
                Arguments.of(service("cpu_percent", "1e1"), svc("cpu_percent"), 10.0),
                Arguments.of(service("cpus", "1_0.5"), svc("cpus"), 10.5),
                // cpus is a float32 in Compose: the value is the float32 nearest to the text.
                Arguments.of(service("cpus", "0.1"), svc("cpus"), (double) 0.1f),
                Arguments.of(service("deploy", map("update_config", map("max_failure_ratio", "0x1p-2"))),
                        svc("deploy", "update_config", "max_failure_ratio"), 0.25),
                Arguments.of(service("read_only", "${T}"), svc("read_only"), true),
                Arguments.of(service("tty", "FALSE"), svc("tty"), false),
                Arguments.of(service("init", "True"), svc("init"), true),
                Arguments.of(service("volumes", List.of(map("type", "volume", "read_only", "true",
                        "volume", map("nocopy", "false")))), svc("volumes", 0, "volume", "nocopy"), false),
                Arguments.of(map("networks", map("n", map("enable_ipv4", "true"))),
                        List.of("networks", "n", "enable_ipv4"), true),
                Arguments.of(map("volumes", map("v", map("external", "true"))), List.of("volumes", "v", "external"),
                        true),
                Arguments.of(map("configs", map("c", map("external", "false"))), List.of("configs", "c", "external"),
                        false));
    }

    @ParameterizedTest
    @MethodSource("casts")
    void convertsStringsAtTypedPaths(MapNode root, List<Object> path, Object expected) {
        MapNode out = Interpolator.interpolate(root, ENV);
        Object value = valueAt(out, path.toArray());
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void doesNotConvertOutsideTheTable() {
        MapNode out = Interpolator.interpolate(service(
                "environment", map("N", "${N}"),
                "labels", map("tty", "true"),
                "x-scale", "3"), ENV);
        assertThat(serviceValue(out, "environment", "N")).isEqualTo("3");
        assertThat(serviceValue(out, "labels", "tty")).isEqualTo("true");
        assertThat(serviceValue(out, "x-scale")).isEqualTo("3");
    }

    @Test
    void doesNotConvertUnderAServiceLevelKeyWithADot() {
        // Keys below the top level are single path parts even when they contain dots.
        MapNode out = Interpolator.interpolate(map("services", map("a.b", map("scale", "2")),
                "x-a", map("services.x", map("scale", "2"))), ENV);
        assertThat(valueAt(out, "services", "a.b", "scale")).isEqualTo(2L);
        assertThat(valueAt(out, "x-a", "services.x", "scale")).isEqualTo("2");
    }

    @Test
    void splitsATopLevelKeyOnDotsLikeCompose() {
        MapNode out = Interpolator.interpolate(map("services.app", map("scale", "2")), ENV);
        assertThat(valueAt(out, "services.app", "scale")).isEqualTo(2L);
    }

    @Test
    void warnsAboutYaml11Booleans() {
        List<String> warnings = new ArrayList<>();
        MapNode out = Interpolator.interpolate(service("tty", "yes", "stdin_open", "On", "init", "off",
                "privileged", "n"), ENV, warnings::add);
        assertThat(serviceValue(out, "tty")).isEqualTo(true);
        assertThat(serviceValue(out, "stdin_open")).isEqualTo(true);
        assertThat(serviceValue(out, "init")).isEqualTo(false);
        assertThat(serviceValue(out, "privileged")).isEqualTo(false);
        assertThat(warnings).containsExactly(
                "\"yes\" for boolean is not supported by YAML 1.2, please use `true`",
                "\"On\" for boolean is not supported by YAML 1.2, please use `true`",
                "\"off\" for boolean is not supported by YAML 1.2, please use `false`",
                "\"n\" for boolean is not supported by YAML 1.2, please use `false`");
    }

    @Test
    void reportsUnsetVariablesInDocumentOrder() {
        List<String> warnings = new ArrayList<>();
        Interpolator.interpolate(service("image", "$U1", "environment", map("X", "${U2}")), ENV, warnings::add);
        assertThat(warnings).containsExactly(
                "The \"U1\" variable is not set. Defaulting to a blank string.",
                "The \"U2\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void warnsForEachOccurrenceOfARepeatedTemplate() {
        List<String> warnings = new ArrayList<>();
        Interpolator.interpolate(map("services", map("a", map("image", "${U1}"), "b", map("image", "${U1}"))),
                ENV, warnings::add);
        assertThat(warnings).containsExactly(
                "The \"U1\" variable is not set. Defaulting to a blank string.",
                "The \"U1\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void substitutesARepeatedTemplateAlikeAtEveryPlace() {
        MapNode out = Interpolator.interpolate(map("services", map(
                "a", map("image", "img:${A}", "read_only", "${T}"),
                "b", map("image", "img:${A}", "labels", map("l", "${T}")))), ENV);
        assertThat(valueAt(out, "services", "a", "image")).isEqualTo("img:a");
        assertThat(valueAt(out, "services", "b", "image")).isEqualTo("img:a");
        // The same template still takes the type of each path.
        assertThat(valueAt(out, "services", "a", "read_only")).isEqualTo(true);
        assertThat(valueAt(out, "services", "b", "labels", "l")).isEqualTo("true");
    }

    private static MapNode withScalarAt(String key, String value) {
        return service(key, new ScalarNode(value, new Mark("compose.yaml", 4, 10)));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(service("environment", map("X", new ScalarNode("${}", new Mark("compose.yaml", 5, 10)))),
                        "compose.yaml:5:10: invalid interpolation format for services.app.environment.X.\n"
                                + "You may need to escape any $ with another $.\n${}"),
                Arguments.of(withScalarAt("image", "alpine:${TAG"),
                        "compose.yaml:4:10: invalid interpolation format for services.app.image.\n"
                                + "You may need to escape any $ with another $.\nalpine:${TAG"),
                Arguments.of(withScalarAt("image", "${IMAGE:?image is required}"),
                        "compose.yaml:4:10: error while interpolating services.app.image: "
                                + "required variable IMAGE is missing a value: image is required"),
                Arguments.of(service("command", List.of(new ScalarNode("${X:?boom}", new Mark("c.yaml", 7, 9)))),
                        "c.yaml:7:9: error while interpolating services.app.command.[]: "
                                + "required variable X is missing a value: boom"),
                Arguments.of(withScalarAt("read_only", "0"),
                        "compose.yaml:4:10: error while interpolating services.app.read_only: "
                                + "failed to cast to expected type: invalid boolean: 0"),
                Arguments.of(withScalarAt("scale", "many"),
                        "compose.yaml:4:10: error while interpolating services.app.scale: "
                                + "failed to cast to expected type: strconv.Atoi: parsing \"many\": invalid syntax"),
                Arguments.of(withScalarAt("pids_limit", "99999999999999999999"),
                        "compose.yaml:4:10: error while interpolating services.app.pids_limit: failed to cast to "
                                + "expected type: strconv.ParseInt: parsing \"99999999999999999999\": value out of range"),
                Arguments.of(withScalarAt("cpus", "1e39"),
                        "compose.yaml:4:10: error while interpolating services.app.cpus: failed to cast to "
                                + "expected type: strconv.ParseFloat: parsing \"1e39\": value out of range"),
                Arguments.of(service("environment", map("a.b", new ScalarNode("${", Mark.NONE))),
                        "invalid interpolation format for services.app.environment.a.b.\n"
                                + "You may need to escape any $ with another $.\n${"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void failsWithComposeWordingAfterThePosition(MapNode root, String message) {
        assertThatThrownBy(() -> Interpolator.interpolate(root, ENV))
                .isInstanceOfSatisfying(ComposeException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE))
                .hasMessage(message);
    }

    @Test
    void stopsAtTheFirstErrorInDocumentOrder() {
        MapNode root = service("image", "${FIRST:?one}", "environment", map("X", "${SECOND:?two}"));
        assertThatThrownBy(() -> Interpolator.interpolate(root, ENV)).hasMessageContaining("FIRST");
    }

    @Test
    void interpolatesTwoThousandServicesQuickly() {
        MapNode.Builder services = MapNode.builder(Mark.NONE);
        for (int i = 0; i < 2000; i++) {
            services.put("s" + i, map(
                    "image", "registry/${A}:${TAG:-latest}",
                    "command", List.of("run", "--id=" + i, "$$HOME", "${A}"),
                    "environment", map("X", "${A:-x}-${N}", "Y", "plain", "Z", "${U:-${A}}"),
                    "deploy", map("replicas", "${N}"),
                    "read_only", "${T}"));
        }
        MapNode root = map("services", services.build());
        MapNode out = Interpolator.interpolate(root, ENV);
        assertThat(valueAt(out, "services", "s1999", "environment", "Z")).isEqualTo("a");
        assertThat(valueAt(out, "services", "s1999", "deploy", "replicas")).isEqualTo(3L);
    }
}
