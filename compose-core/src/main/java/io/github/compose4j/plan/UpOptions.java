package io.github.compose4j.plan;

import java.util.List;

/**
 * How {@code up} (and {@code create}) converges the project.
 *
 * @param services             services named on the command line; empty for all
 * @param recreate             policy for the named services (all services when none is named)
 * @param recreateDependencies policy for the services they depend on
 * @param start                start the containers ({@code false} for {@code --no-start} / {@code create})
 * @param removeOrphans        remove containers of services the project no longer has
 * @param ignoreOrphans        say nothing about such containers
 * @param waitForServices      wait until services are running or healthy ({@code --wait})
 * @param waitTimeoutMillis    with {@code waitForServices}, give up after this long (0: no limit)
 * @param separator            between project, service and number in container names ("-", or "_" in
 *                             compatibility mode)
 * @param removeForeignOrphans with {@code removeOrphans}, also remove orphans created from another folder (their
 *                             {@code project.working_dir} label differs): another checkout's containers, kept and
 *                             reported otherwise
 */
public record UpOptions(List<String> services, RecreatePolicy recreate, RecreatePolicy recreateDependencies,
                        boolean start, boolean removeOrphans, boolean ignoreOrphans, boolean waitForServices,
                        long waitTimeoutMillis, String separator, boolean removeForeignOrphans) {
    public UpOptions {
        services = List.copyOf(services);
    }

    public UpOptions(List<String> services, RecreatePolicy recreate, RecreatePolicy recreateDependencies,
                     boolean start, boolean removeOrphans, boolean ignoreOrphans, boolean waitForServices,
                     long waitTimeoutMillis, String separator) {
        this(services, recreate, recreateDependencies, start, removeOrphans, ignoreOrphans, waitForServices,
                waitTimeoutMillis, separator, false);
    }

    public static UpOptions defaults() {
        return new UpOptions(List.of(), RecreatePolicy.DIVERGED, RecreatePolicy.DIVERGED, true, false, false, false,
                0, "-");
    }
}
