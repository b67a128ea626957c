package io.github.compose4j.execute;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiVersionTest {
    @Test
    void segmentsCompareAsNumbers() {
        assertThat(ApiVersion.atLeast("1.44", "1.44")).isTrue();
        assertThat(ApiVersion.atLeast("1.100", "1.44")).isTrue();
        assertThat(ApiVersion.atLeast("1.41", "1.44")).isFalse();
        assertThat(ApiVersion.lessThan("1.9", "1.10")).isTrue();
        assertThat(ApiVersion.compare("1.44.0", "1.44")).isZero();
    }
}
