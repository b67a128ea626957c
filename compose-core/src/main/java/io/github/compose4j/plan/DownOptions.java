package io.github.compose4j.plan;

import java.util.List;

/**
 * How {@code down} tears the project down.
 *
 * @param services      services named on the command line (with the services depending on them); empty for all
 * @param removeOrphans also remove containers of services the project no longer has, one-offs included
 * @param volumes       also remove the project's named volumes ({@code -v}) and containers' anonymous volumes
 * @param images        remove images too: {@code ""} (no), {@code local} (built ones) or {@code all}
 * @param removeForeignOrphans with {@code removeOrphans}, also remove orphans created from another folder
 */
public record DownOptions(List<String> services, boolean removeOrphans, boolean volumes, String images,
                          boolean removeForeignOrphans) {
    public DownOptions {
        services = List.copyOf(services);
    }

    public DownOptions(List<String> services, boolean removeOrphans, boolean volumes, String images) {
        this(services, removeOrphans, volumes, images, false);
    }
}
