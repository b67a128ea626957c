package io.github.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginMetadataTest {
    @Test
    void metadataIsLaidOutAsComposesWithOurVendorAndVersion() {
        assertThat(PluginMetadata.json()).isEqualTo("{\n     \"SchemaVersion\": \"0.1.0\",\n"
            + "     \"Vendor\": \"compose4j\",\n     \"Version\": \"" + Version.compatible() + "\",\n"
            + "     \"ShortDescription\": \"Docker Compose\"\n}");
    }

    @Test
    void theDockerCliLeadingComposeArgumentIsDropped() {
        assertThat(PluginMetadata.arguments(new String[] {"compose", "ps", "-a"})).containsExactly("ps", "-a");
        assertThat(PluginMetadata.arguments(new String[] {"ps"})).containsExactly("ps");
        assertThat(PluginMetadata.arguments(new String[0])).isEmpty();
    }
}
