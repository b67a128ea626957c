package io.github.compose4j.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
    private static final GoStruct PORT = new GoStruct("api.PortPublisher", ports("0.0.0.0", 80, 8080, "tcp"));
    private static final GoStruct DOT = new GoStruct("*formatter.ContainerContext", Map.of("Name", "app-web-1",
        "State", "running", "Publishers", List.of(PORT, PORT)));

    private static Map<String, Object> ports(String url, long target, long published, String protocol) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("URL", url);
        m.put("TargetPort", target);
        m.put("PublishedPort", published);
        m.put("Protocol", protocol);
        return m;
    }

    private static String run(String template) {
        return GoTemplate.parse(template).execute(DOT);
    }

    @Test
    void fieldsAreReplacedInText() {
        assertThat(run("name={{.Name}} state={{ .State }}")).isEqualTo("name=app-web-1 state=running");
    }

    @Test
    void structsPrintTheirFieldValuesInBraces() {
        assertThat(run("{{.Publishers}}")).isEqualTo("[{0.0.0.0 80 8080 tcp} {0.0.0.0 80 8080 tcp}]");
    }

    @Test
    void jsonWritesStructFieldsInOrderWithoutEscapingHtml() {
        assertThat(GoTemplate.parse("{{json .}}").execute(Map.of("a", "<b>")))
            .isEqualTo("{\"a\":\"<b>\"}");
        assertThat(run("{{json .Name}}")).isEqualTo("\"app-web-1\"");
        assertThat(run("{{json (index .Publishers 0)}}"))
            .isEqualTo("{\"URL\":\"0.0.0.0\",\"TargetPort\":80,\"PublishedPort\":8080,\"Protocol\":\"tcp\"}");
    }

    @Test
    void conditionsRangesAndComparisons() {
        assertThat(run("{{if eq .State \"running\"}}up{{else}}down{{end}}")).isEqualTo("up");
        assertThat(run("{{if eq .State \"exited\"}}x{{else if eq .State \"running\"}}y{{else}}z{{end}}"))
            .isEqualTo("y");
        assertThat(run("{{range .Publishers}}{{.PublishedPort}},{{end}}")).isEqualTo("8080,8080,");
        assertThat(run("{{len .Publishers}} {{gt (len .Publishers) 1}}")).isEqualTo("2 true");
    }

    @Test
    void pipelinesPassTheValueAsLastArgument() {
        assertThat(run("{{.Name | upper}} {{join (split .Name \"-\") \"+\"}}")).isEqualTo("APP-WEB-1 app+web+1");
        assertThat(run("[{{pad .State 1 2}}] {{truncate .Name 3}} {{title \"hello world\"}}"))
            .isEqualTo("[ running  ] app Hello World");
    }

    @Test
    void trimMarkersEatSurroundingSpace() {
        assertThat(run("a   {{- .State -}}   b")).isEqualTo("arunningb");
    }

    @Test
    void missingMapKeysPrintNoValue() {
        assertThat(GoTemplate.parse("{{.Name}} {{.Health}}").execute(Map.of("Name", "NAME")))
            .isEqualTo("NAME <no value>");
    }

    @Test
    void headersKeepTextFunctionsArguments() {
        assertThat(GoTemplate.parse("{{upper .Name}}|{{json .Name}}").executeHeader(Map.of("Name", "NAME")))
            .isEqualTo("NAME|NAME");
    }

    @Test
    void unknownFieldsAndFunctionsFailWithGosWording() {
        assertThatThrownBy(() -> run("{{.Foo}}")).hasMessage("template: :1:2: executing \"\" at <.Foo>: can't "
            + "evaluate field Foo in type *formatter.ContainerContext");
        assertThatThrownBy(() -> GoTemplate.parse("{{foo .Name}}"))
            .hasMessage("template: :1: function \"foo\" not defined");
        assertThatThrownBy(() -> GoTemplate.parse("{{.Name")).hasMessage("template: :1: unclosed action");
    }
}
