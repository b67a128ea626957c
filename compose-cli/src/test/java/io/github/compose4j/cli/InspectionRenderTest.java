package io.github.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.inspect.ComposeEvent;
import io.github.compose4j.inspect.ContainerProcesses;
import io.github.compose4j.inspect.ImageRow;
import io.github.compose4j.inspect.ProjectStack;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure layouts of ls, images, top, port and events, checked against what Compose 2.26.1 printed. */
class InspectionRenderTest {
    @Test
    void lsTableAndJson() {
        List<ProjectStack> stacks = List.of(new ProjectStack("app", "exited(1), running(2)", "/p/compose.yaml"));
        assertThat(LsCommand.render(stacks, "table")).isEqualTo(""
            + "NAME                STATUS                  CONFIG FILES\n"
            + "app                 exited(1), running(2)   /p/compose.yaml\n");
        assertThat(LsCommand.render(stacks, "json")).isEqualTo(
            "[{\"Name\":\"app\",\"Status\":\"exited(1), running(2)\",\"ConfigFiles\":\"/p/compose.yaml\"}]\n");
        assertThat(LsCommand.render(List.of(), "json")).isEqualTo("[]\n");
        assertThatThrownBy(() -> LsCommand.render(stacks, "yaml"))
            .hasMessage("format value \"yaml\" could not be parsed: parsing failed");
    }

    @Test
    void imagesTableAndJson() {
        List<ImageRow> images = List.of(new ImageRow("sha256:b4d2aa059b688878ef56951f6d8735e1", "app-web-1",
            "busybox", "latest", 1_984_257));
        assertThat(ImagesCommand.render(images, "table")).isEqualTo(""
            + "CONTAINER           REPOSITORY          TAG                 IMAGE ID            SIZE\n"
            + "app-web-1           busybox             latest              b4d2aa059b68        1.98MB\n");
        assertThat(ImagesCommand.render(images, "json")).isEqualTo("[{\"ID\":\"sha256:b4d2aa059b688878ef56951f6d8735e1\","
            + "\"ContainerName\":\"app-web-1\",\"Repository\":\"busybox\",\"Tag\":\"latest\",\"Size\":1984257}]\n");
    }

    @Test
    void topAlignsEachContainersProcessesUnderTheTitles() {
        String out = TopCommand.render(List.of(new ContainerProcesses("id", "app-web-1",
            List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"),
            List.of(List.of("root", "7515", "7488", "0", "02:14", "?", "00:00:00", "sleep 3600")))));
        assertThat(out).isEqualTo(""
            + "app-web-1\n"
            + "UID    PID    PPID   C    STIME   TTY   TIME       CMD\n"
            + "root   7515   7488   0    02:14   ?     00:00:00   sleep 3600   \n"
            + "\n");
    }

    @Test
    void portNumbersAreCheckedAsGoParsesThem() {
        assertThat(PortCommand.parsePort("8080")).isEqualTo(8080);
        assertThatThrownBy(() -> PortCommand.parsePort("abc"))
            .hasMessage("strconv.ParseUint: parsing \"abc\": invalid syntax");
        assertThatThrownBy(() -> PortCommand.parsePort("70000"))
            .hasMessage("strconv.ParseUint: parsing \"70000\": value out of range");
    }

    @Test
    void eventsAsTextAndJson() {
        ComposeEvent e = new ComposeEvent(1_700_000_000_123_456_700L, "web", "abc", "start",
            Map.of("name", "app-web-1", "image", "busybox"));
        assertThat(EventsCommand.text(e, ZoneOffset.UTC))
            .isEqualTo("2023-11-14 22:13:20.123456 container start abc (image=busybox, name=app-web-1)");
        assertThat(EventsCommand.json(e, ZoneOffset.UTC)).isEqualTo("{\"action\":\"start\",\"attributes\":"
            + "{\"image\":\"busybox\",\"name\":\"app-web-1\"},\"id\":\"abc\",\"service\":\"web\","
            + "\"time\":\"2023-11-14T22:13:20.1234567Z\",\"type\":\"container\"}");
    }
}
