package io.github.compose4j.load.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VolumeSpecTest {

    @Test
    void targets() {
        assertThat(VolumeSpec.target("/data")).isEqualTo("/data");
        assertThat(VolumeSpec.target("./a:/data")).isEqualTo("/data");
        assertThat(VolumeSpec.target("vol:/data:ro,z")).isEqualTo("/data");
        assertThat(VolumeSpec.target("C:\\x:/data:rw")).isEqualTo("/data");
        assertThat(VolumeSpec.target("a::b")).isEqualTo("b");
        assertThat(VolumeSpec.target("a:/b")).isEqualTo("a:/b");
        assertThat(VolumeSpec.target("ab")).isEqualTo("ab");
        assertThat(VolumeSpec.target("é")).isEqualTo("é");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> VolumeSpec.target("")).hasMessage("invalid empty volume spec");
        assertThatThrownBy(() -> VolumeSpec.target("/a:/b:ro:x")).hasMessage("invalid spec: /a:/b:ro:x: too many colons");
        assertThatThrownBy(() -> VolumeSpec.target(":/b")).hasMessage("invalid spec: :/b: empty section between colons");
        assertThatThrownBy(() -> VolumeSpec.target("/a:")).hasMessage("invalid spec: /a:: empty section between colons");
    }
}
