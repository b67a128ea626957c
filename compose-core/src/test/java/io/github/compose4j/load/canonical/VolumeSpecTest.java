package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values and messages are what {@code docker compose config} prints for the same specs. */
class VolumeSpecTest {
    @Test
    void veryShortSpecIsAnAnonymousVolumeWithoutOptions() {
        assertThat(VolumeSpec.parse("/a")).isEqualTo(Map.of("type", "volume", "target", "/a"));
    }

    @Test
    void anonymousVolumeGetsEmptyVolumeOptions() {
        assertThat(VolumeSpec.parse("/data")).isEqualTo(Map.of("type", "volume", "target", "/data", "volume", Map.of()));
    }

    @Test
    void homeRelativeSourceIsABind() {
        assertThat(VolumeSpec.parse("~/x:/y")).isEqualTo(Map.of("type", "bind", "source", "~/x", "target", "/y",
                "bind", Map.of("create_host_path", true)));
    }

    @Test
    void uncSourceIsABind() {
        assertThat(VolumeSpec.parse("\\\\server\\share:/unc")).containsEntry("type", "bind");
    }

    @Test
    void selinuxLabelIsABindOption() {
        assertThat(VolumeSpec.parse("./x:/z:z")).containsEntry("bind", Map.of("selinux", "z", "create_host_path", true));
    }

    @Test
    void propagationIsABindOptionAlongsideReadOnly() {
        assertThat(VolumeSpec.parse("./x:/p:rshared,ro")).containsEntry("read_only", true)
                .containsEntry("bind", Map.of("propagation", "rshared", "create_host_path", true));
    }

    @Test
    void nocopyIsAVolumeOption() {
        assertThat(VolumeSpec.parse("vol:/n:nocopy")).containsEntry("volume", Map.of("nocopy", true));
    }

    @Test
    void rwAndUnknownOptionsLeaveTheDefaults() {
        assertThat(VolumeSpec.parse("vol:/rw:rw,foo")).isEqualTo(Map.of("type", "volume", "source", "vol", "target", "/rw",
                "volume", Map.of()));
    }

    @Test
    void targetIsCleaned() {
        assertThat(VolumeSpec.parse("vol:/t/")).containsEntry("target", "/t");
    }

    @Test
    void keysFollowComposesOrder() {
        assertThat(VolumeSpec.parse("./x:/p:ro").keySet()).containsExactly("type", "source", "target", "read_only", "bind");
    }

    @Test
    void singleLetterBeforeAColonIsADriveLetter() {
        assertThat(VolumeSpec.parse("a:b:c:d")).isEqualTo(Map.of("type", "bind", "source", "a:b", "target", "c:d",
                "bind", Map.of("create_host_path", true)));
    }

    @Test
    void emptySpecFails() {
        assertThatThrownBy(() -> VolumeSpec.parse("")).isInstanceOf(ComposeException.class)
                .hasMessage("invalid empty volume spec");
    }

    @Test
    void emptySectionFails() {
        assertThatThrownBy(() -> VolumeSpec.parse(":/x")).hasMessage("invalid spec: :/x: empty section between colons");
        assertThatThrownBy(() -> VolumeSpec.parse("/x::ro")).hasMessage("invalid spec: /x::ro: empty section between colons");
    }
}
