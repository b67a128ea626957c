package io.github.compose4j.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.inspect.ContainerRow.Publisher;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void unpublishedConsecutivePortsCollapseIntoARange() {
        assertThat(Ports.displayable(List.of(new Publisher("", 5434, 0, "tcp"), new Publisher("", 5432, 0, "tcp"),
            new Publisher("", 5433, 0, "tcp"), new Publisher("", 53, 0, "udp")))).isEqualTo("53/udp, 5432-5434/tcp");
    }

    @Test
    void hostMappingsComeLastSortedByContainerPortThenAddress() {
        assertThat(Ports.displayable(List.of(new Publisher("::", 8080, 32770, "tcp"),
            new Publisher("0.0.0.0", 8080, 32770, "tcp"), new Publisher("127.0.0.1", 80, 18990, "tcp"),
            new Publisher("", 9000, 0, "tcp"))))
            .isEqualTo("9000/tcp, 127.0.0.1:18990->80/tcp, 0.0.0.0:32770->8080/tcp, :::32770->8080/tcp");
    }

    @Test
    void samePortMappingsCollapseIntoARangePerAddress() {
        assertThat(Ports.displayable(List.of(new Publisher("0.0.0.0", 8000, 8000, "tcp"),
            new Publisher("0.0.0.0", 8001, 8001, "tcp"), new Publisher("0.0.0.0", 8003, 8003, "tcp"))))
            .isEqualTo("0.0.0.0:8000-8001->8000-8001/tcp, 0.0.0.0:8003->8003/tcp");
    }

    @Test
    void noPortsIsEmpty() {
        assertThat(Ports.displayable(List.of())).isEmpty();
    }
}
