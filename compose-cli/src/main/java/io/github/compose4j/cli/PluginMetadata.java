package io.github.compose4j.cli;

import java.util.Arrays;

/**
 * The docker CLI plugin convention: the docker CLI asks a plugin for its metadata by running it with the single
 * argument {@code docker-cli-plugin-metadata}, and runs {@code docker compose ARGS} as the plugin binary with
 * {@code compose ARGS}.
 */
final class PluginMetadata {
    static final String QUERY = "docker-cli-plugin-metadata";

    private PluginMetadata() {
    }

    /** The metadata, laid out as Docker Compose's plugin prints it. */
    static String json() {
        return "{\n"
            + "     \"SchemaVersion\": \"0.1.0\",\n"
            + "     \"Vendor\": \"compose4j\",\n"
            + "     \"Version\": \"" + Version.compatible() + "\",\n"
            + "     \"ShortDescription\": \"Docker Compose\"\n"
            + "}";
    }

    /** The command line without the leading {@code compose} the docker CLI passes to its plugins. */
    static String[] arguments(String[] args) {
        return args.length > 0 && args[0].equals("compose") ? Arrays.copyOfRange(args, 1, args.length) : args;
    }
}
