package io.github.compose4j.inspect;

import java.util.List;

/** The processes of one container of a project, as {@code top} shows them. */
public record ContainerProcesses(String id, String name, List<String> titles, List<List<String>> processes) {
    public ContainerProcesses {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
