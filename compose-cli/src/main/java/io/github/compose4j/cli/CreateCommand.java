package io.github.compose4j.cli;

import picocli.CommandLine.Command;

/** {@code compose create}: {@code up --no-start}. */
@Command(name = "create", description = "Creates containers for a service")
public final class CreateCommand extends UpCommand {
    @Override
    boolean createOnly() {
        return true;
    }
}
