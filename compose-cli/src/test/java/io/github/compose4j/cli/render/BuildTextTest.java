package io.github.compose4j.cli.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A build's stdout as the docker CLI prints it with the classic builder. */
class BuildTextTest {

    @ParameterizedTest
    @CsvSource({"335, 335B", "999, 999B", "1000, 1kB", "6144, 6.144kB", "10240000, 10.24MB", "1234567, 1.235MB",
        "999999, 1000kB"})
    void sizesAreGoUnitsHumanSizes(long bytes, String text) {
        assertThat(BuildText.humanSize(bytes)).isEqualTo(text);
    }

    @Test
    void theUploadLineEndsAsTheDockerCliEndsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BuildText text = new BuildText(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        text.uploaded("web", 335, true);
        text.text("web", "Step 1/2 : FROM busybox:latest\n");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("Sending build context to Docker daemon     335B\r\r\nStep 1/2 : FROM busybox:latest\n");
    }

    @Test
    void linesOfBuildsSideBySideStayWholeAndWhatIsLeftComesAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BuildText text = new BuildText(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        text.text("web", "Step 1/2 : FROM busybox:latest");
        text.text("api", "Step 1/2 : FROM busybox:latest");
        text.text("web", "\n");
        text.text("api", "\n ---> b4d2aa059b68\nStep 2/2 : RUN wget x\n 10% |**  |\r 20%");
        text.finished("api");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                Step 1/2 : FROM busybox:latest
                Step 1/2 : FROM busybox:latest
                 ---> b4d2aa059b68
                Step 2/2 : RUN wget x
                 10% |**  |\r 20%""");
    }
}
