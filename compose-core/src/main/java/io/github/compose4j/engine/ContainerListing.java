package io.github.compose4j.engine;

import java.util.List;

/**
 * A container as the engine's container list reports it, with what {@code ps} shows beyond the
 * {@link ContainerSummary}: the command line and the mounts.
 *
 * @param names   every name the engine lists, each with its leading slash (links add {@code /other/alias})
 * @param command the command as the engine prints it: the path, then the arguments, those with a space quoted
 */
public record ContainerListing(ContainerSummary summary, List<String> names, String command,
                               List<ListedMount> mounts) {
    public ContainerListing {
        names = List.copyOf(names);
        mounts = List.copyOf(mounts);
    }

    /** A mount of a listed container: a volume's name (empty for binds), its source and driver. */
    public record ListedMount(String name, String source, String driver) {
    }
}
