package io.github.compose4j.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.inspect.ContainerRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerContextTest {
    private static final long CREATED = 1_700_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(CREATED + 75);

    private static ContainerRow row(String name, String state, String status, List<ContainerRow.Publisher> ports) {
        return new ContainerRow("0123456789abcdef0123", name, List.of("/" + name), "busybox:latest", "app", "web",
            "sh -c 'sleep 3600; echo done'", state, status, CREATED, Map.of("b", "2", "a", "<1>"), List.of(), 0,
            List.of("app_default"), "", state.equals("exited") ? 3 : 0, ports);
    }

    private static ContainerContext context(ContainerRow row) {
        return new ContainerContext(row, true, NOW, ZoneOffset.UTC);
    }

    @Test
    void jsonHasComposesFieldsSortedWithHtmlEscaped() {
        String json = context(row("app-web-1", "running", "Up 3 seconds",
            List.of(new ContainerRow.Publisher("0.0.0.0", 80, 8080, "tcp")))).marshalJson();

        assertThat(json).isEqualTo("{\"Command\":\"\\\"sh -c 'sleep 3600; …\\\"\",\"CreatedAt\":\"2023-11-14 22:13:20"
            + " +0000 UTC\",\"ExitCode\":0,\"Health\":\"\",\"ID\":\"0123456789ab\",\"Image\":\"busybox:latest\","
            + "\"Labels\":\"a=\\u003c1\\u003e,b=2\",\"LocalVolumes\":\"0\",\"Mounts\":\"\",\"Name\":\"app-web-1\","
            + "\"Names\":\"app-web-1\",\"Networks\":\"app_default\",\"Ports\":\"0.0.0.0:8080-\\u003e80/tcp\","
            + "\"Project\":\"app\",\"Publishers\":[{\"URL\":\"0.0.0.0\",\"TargetPort\":80,\"PublishedPort\":8080,"
            + "\"Protocol\":\"tcp\"}],\"RunningFor\":\"About a minute ago\",\"Service\":\"web\",\"Size\":\"0B\","
            + "\"State\":\"running\",\"Status\":\"Up 3 seconds\"}");
    }

    @Test
    void noPortsAreNullPublishersInJson() {
        assertThat(context(row("app-job-1", "exited", "Exited (3) 1 second ago", List.of())).marshalJson())
            .contains("\"ExitCode\":3").contains("\"Publishers\":null");
    }

    @Test
    void theDefaultTableAlignsComposesColumns() {
        String table = FormattedList.render(ContainerContext.format("table", false), List.of(
            context(row("app-web-1", "running", "Up 3 seconds (healthy)", List.of())),
            context(row("app-job-1", "exited", "Exited (3) 1 second ago", List.of()))), ContainerContext.HEADER);

        assertThat(table).isEqualTo(""
            + "NAME        IMAGE            COMMAND                  SERVICE   CREATED              STATUS                    PORTS\n"
            + "app-web-1   busybox:latest   \"sh -c 'sleep 3600; …\"   web       About a minute ago   Up 3 seconds (healthy)    \n"
            + "app-job-1   busybox:latest   \"sh -c 'sleep 3600; …\"   web       About a minute ago   Exited (3) 1 second ago   \n");
    }

    @Test
    void anEmptyTableStillHasItsHeader() {
        assertThat(FormattedList.render(ContainerContext.TABLE, List.of(), ContainerContext.HEADER))
            .isEqualTo("NAME      IMAGE     COMMAND   SERVICE   CREATED   STATUS    PORTS\n");
    }

    @Test
    void customTablesNameUnknownColumnsNoValue() {
        assertThat(FormattedList.render("table {{.Name}}\\t{{.Health}}", List.of(
            context(row("app-web-1", "running", "Up", List.of()))), ContainerContext.HEADER))
            .isEqualTo("NAME        <no value>\napp-web-1   \n");
    }

    @Test
    void jsonFormatPrintsOneObjectPerLine() {
        String out = FormattedList.render(ContainerContext.format("json", false), List.of(
            context(row("a", "running", "Up", List.of())), context(row("b", "running", "Up", List.of()))),
            ContainerContext.HEADER);
        assertThat(out.split("\n")).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"Command\""));
    }

    @Test
    void quietFormatsAreTheId() {
        assertThat(ContainerContext.format("table", true)).isEqualTo("{{.ID}}");
        assertThat(ContainerContext.format("{{.Name}}", true)).isEqualTo("{{.ID}}");
    }
}
