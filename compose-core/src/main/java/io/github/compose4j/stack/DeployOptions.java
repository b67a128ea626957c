package io.github.compose4j.stack;


/**
 * Options of {@code stack deploy}.
 *
 * @param resolveImage {@code always}, {@code changed} or {@code never}: when to ask the registry for the digest
 * @param withRegistryAuth send each service's registry credentials to the swarm ({@code --with-registry-auth}), as
 *                         the docker CLI does, for the service and for resolving its image's digest
 * @param detach return once the services are created or updated, without waiting for their tasks
 */
public record DeployOptions(boolean prune, ResolveImage resolveImage, boolean withRegistryAuth, boolean detach) {

    public enum ResolveImage {
        ALWAYS, CHANGED, NEVER;

        public static ResolveImage parse(String value) {
            return switch (value) {
                case "always" -> ALWAYS;
                case "changed" -> CHANGED;
                case "never" -> NEVER;
                default -> throw new io.github.compose4j.error.ComposeException(
                    io.github.compose4j.error.Failure.GENERAL, "invalid option " + value + " for flag --resolve-image");
            };
        }
    }
}
