package io.github.compose4j.logs;

import java.util.List;

/**
 * What {@code logs} shows.
 *
 * @param services   the services whose containers to show; empty for all of the project's
 * @param index      with one service, only its container of this number (0: all)
 * @param since      engine form ({@link LogTimes}); empty for no bound
 * @param until      engine form; empty for no bound
 */
public record LogsOptions(List<String> services, boolean follow, int index, String tail, String since, String until,
                          boolean timestamps) {
    public LogsOptions {
        services = List.copyOf(services);
    }
}
