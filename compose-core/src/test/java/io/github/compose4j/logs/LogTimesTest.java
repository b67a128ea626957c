package io.github.compose4j.logs;

import io.github.compose4j.error.ComposeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values as the docker client converts them (daemon API {@code since}/{@code until}). */
class LogTimesTest {
    private static final Instant NOW = Instant.parse("2024-01-02T12:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static String engine(String value) {
        return LogTimes.engineTime(value, NOW, PARIS);
    }

    @Test
    void emptyMeansNoBound() {
        assertThat(engine("")).isEmpty();
    }

    @Test
    void aDurationCountsBackFromNowInWholeSeconds() {
        assertThat(engine("42m")).isEqualTo(Long.toString(NOW.getEpochSecond() - 42 * 60));
        assertThat(engine("1h30m")).isEqualTo(Long.toString(NOW.getEpochSecond() - 90 * 60));
        assertThat(engine("1.5s")).isEqualTo(Long.toString(NOW.getEpochSecond() - 2));
    }

    @Test
    void anRfc3339TimeBecomesSecondsAndNanoseconds() {
        assertThat(engine("2013-01-02T13:23:37Z")).isEqualTo("1357133017.000000000");
        assertThat(engine("2013-01-02T13:23:37.5+01:00")).isEqualTo("1357129417.500000000");
    }

    @Test
    void aTimeWithoutZoneIsLocal() {
        assertThat(engine("2013-01-02T13:23:37")).isEqualTo("1357129417.000000000");
        assertThat(engine("2013-01-02")).isEqualTo(
            Long.toString(java.time.LocalDate.parse("2013-01-02").atStartOfDay(PARIS).toEpochSecond())
                + ".000000000");
    }

    @Test
    void aUnixTimestampPassesAsItIs() {
        assertThat(engine("1357133017")).isEqualTo("1357133017");
        assertThat(engine("1357133017.25")).isEqualTo("1357133017.25");
    }

    @Test
    void anythingElseIsAnError() {
        assertThatThrownBy(() -> LogTimes.engineTime("yesterday", NOW, ZoneOffset.UTC))
            .isInstanceOf(ComposeException.class)
            .hasMessage("failed to parse value as time or duration: \"yesterday\"");
    }
}
