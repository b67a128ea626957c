package io.github.compose4j.model;

/** A ulimit: one value for both limits ({@code single}), or a soft and a hard limit. */
public record Ulimit(
        @Key("single") long single,
        @Key("soft") long soft,
        @Key("hard") long hard,
        @Key("#extensions") Extensions extensions) {

    public long effectiveSoft() {
        return single != 0 ? single : soft;
    }

    public long effectiveHard() {
        return single != 0 ? single : hard;
    }
}
