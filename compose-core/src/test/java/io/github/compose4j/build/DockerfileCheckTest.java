package io.github.compose4j.build;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the classic builder cannot build, found before the context is sent. */
class DockerfileCheckTest {

    @Test
    void aPlainDockerfilePasses() {
        assertThat(DockerfileCheck.check("Dockerfile", """
                FROM busybox:latest
                ARG FOO
                COPY --chown=1:1 . /app
                COPY --from=busybox:latest /bin/sh /sh2
                RUN echo $((1<<2)) && cat <<< here
                """)).isEmpty();
    }

    @Test
    void runMountFailsNamingTheFileAndLine() {
        assertThatThrownBy(() -> DockerfileCheck.check("/p/Dockerfile", """
                FROM busybox:latest
                # a comment
                RUN --mount=type=cache,target=/c true
                """))
                .isInstanceOf(ComposeException.class)
                .hasMessageStartingWith("/p/Dockerfile:3: RUN --mount requires BuildKit");
    }

    @Test
    void aHeredocFails() {
        assertThatThrownBy(() -> DockerfileCheck.check("Dockerfile", """
                FROM busybox:latest
                RUN <<EOF
                echo hi
                EOF
                """)).hasMessageStartingWith("Dockerfile:2: the heredoc in RUN requires BuildKit");
    }

    @Test
    void copyChmodAndLinkFail() {
        assertThatThrownBy(() -> DockerfileCheck.check("Dockerfile", "FROM busybox:latest\nCOPY --link . /\n"))
                .hasMessageStartingWith("Dockerfile:2: COPY --link requires BuildKit");
        assertThatThrownBy(() -> DockerfileCheck.check("Dockerfile", "FROM busybox:latest\nADD --chmod=755 a /a\n"))
                .hasMessageStartingWith("Dockerfile:2: ADD --chmod requires BuildKit");
    }

    @Test
    void aFlagOnAContinuationLineIsFoundAtTheInstructionsLine() {
        assertThatThrownBy(() -> DockerfileCheck.check("Dockerfile", "FROM busybox:latest\nRUN \\\n  --network=none true\n"))
                .hasMessageStartingWith("Dockerfile:2: RUN --network requires BuildKit");
    }

    @Test
    void aSyntaxDirectiveIsOnlyAWarning() {
        assertThat(DockerfileCheck.check("Dockerfile", "# syntax=docker/dockerfile:1\nFROM busybox:latest\n"))
                .singleElement().asString().startsWith("Dockerfile:1: the syntax directive (docker/dockerfile:1)");
    }
}
