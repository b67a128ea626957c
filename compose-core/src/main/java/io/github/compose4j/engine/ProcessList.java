package io.github.compose4j.engine;

import java.util.List;

/** The processes of a container, as the engine's {@code top} reports them: column titles, then rows. */
public record ProcessList(List<String> titles, List<List<String>> processes) {
    public ProcessList {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
