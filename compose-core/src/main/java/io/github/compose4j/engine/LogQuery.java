package io.github.compose4j.engine;

import java.util.Objects;

/**
 * Which part of a container's kept output to read, in the engine's own terms.
 *
 * @param follow     keep streaming new output until the container stops
 * @param tail       how many lines from the end ({@code all} for every line)
 * @param since      only output after this time, as the engine takes it ({@code seconds.nanoseconds} since the epoch);
 *                   empty for no bound
 * @param until      only output before this time, same form; empty for no bound
 * @param timestamps each line starts with its RFC 3339 time and a space
 */
public record LogQuery(boolean follow, String tail, String since, String until, boolean timestamps) {
    /** Everything kept so far, without timestamps. */
    public static final LogQuery ALL = new LogQuery(false, "all", "", "", false);

    public LogQuery {
        Objects.requireNonNull(tail);
        Objects.requireNonNull(since);
        Objects.requireNonNull(until);
    }
}
