package io.github.compose4j.cli;

import picocli.CommandLine.Command;

import java.util.Set;

/** {@code compose create}: {@code up --no-start}, with the options of {@code up} that Compose's create takes. */
@Command(name = "create", customSynopsis = "docker compose create [OPTIONS] [SERVICE...]",
        description = "Creates containers for a service")
public final class CreateCommand extends UpCommand implements CommandLines.TakesSomeOptions {
    @Override
    boolean createOnly() {
        return true;
    }

    @Override
    public Set<String> takenOptions() {
        return Set.of("--build", "--force-recreate", "--no-build", "--no-recreate", "--pull", "--quiet-pull",
                "--remove-orphans", "--scale", "--remove-foreign-orphans");
    }
}
