package io.github.compose4j.cli;

import io.github.compose4j.cli.render.TabWriter;
import io.github.compose4j.config.ConfigViews;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.model.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose config}: parse, resolve and render the project in canonical form. */
@Command(name = "config", aliases = "convert", description = "Parse, resolve and render compose file in canonical format")
public final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--format", description = "Format the output. Values: [yaml | json]")
    String format = "yaml";

    @Option(names = "--resolve-image-digests", description = "Pin image tags to digests")
    boolean resolveImageDigests;

    @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, don't print anything")
    boolean quiet;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables")
    boolean noInterpolate;

    @Option(names = "--no-normalize", description = "Don't normalize compose model")
    boolean noNormalize;

    @Option(names = "--no-path-resolution", description = "Don't resolve file paths")
    boolean noPathResolution;

    @Option(names = "--no-consistency", description = "Don't check model consistency - warning: may produce invalid Compose output")
    boolean noConsistency;

    @Option(names = "--services", description = "Print the service names, one per line.")
    boolean services;

    @Option(names = "--volumes", description = "Print the volume names, one per line.")
    boolean volumes;

    @Option(names = "--profiles", description = "Print the profile names, one per line.")
    boolean profiles;

    @Option(names = "--images", description = "Print the image names, one per line.")
    boolean images;

    @Option(names = "--hash", description = "Print the service config hash, one per line.")
    String hash = "";

    @Option(names = "--variables", description = "Print model variables and default values.")
    boolean variables;

    @Option(names = {"-o", "--output"}, description = "Save to file (default to stdout)")
    String output = "";

    @Parameters(paramLabel = "SERVICE")
    List<String> serviceArgs = new ArrayList<>();

    @Override
    public Integer call() {
        ProjectLoader loader = root.loader();
        boolean normalize = !noNormalize && !root.global.compatibility;
        LoadOptions options = new LoadOptions(!noInterpolate, normalize, !noPathResolution, !noConsistency,
                true, true, root.global.profiles);
        LoadOptions unresolvedEnv = new LoadOptions(!noInterpolate, normalize, !noPathResolution, !noConsistency,
                false, true, root.global.profiles);
        if (services) {
            lines(ConfigViews.services(load(loader, unresolvedEnv, List.of())));
        } else if (volumes) {
            lines(ConfigViews.volumes(load(loader, unresolvedEnv, List.of())));
        } else if (!hash.isEmpty()) {
            lines(ConfigViews.hashes(load(loader, unresolvedEnv, List.of()), hash));
        } else if (profiles) {
            lines(ConfigViews.profiles(load(loader, unresolvedEnv, serviceArgs)));
        } else if (images) {
            lines(ConfigViews.images(load(loader, unresolvedEnv, serviceArgs)));
        } else if (variables) {
            LoadOptions raw = new LoadOptions(false, normalize, !noPathResolution, !noConsistency, false, true,
                    root.global.profiles);
            MapNode model = model(loader, raw);
            TabWriter table = TabWriter.compose().row("NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE");
            ConfigViews.variables(model).forEach(table::row);
            root.ctx.out().print(table.render());
        } else {
            if (!format.equals("json") && !format.equals("yaml")) {
                throw new ComposeException(Failure.GENERAL, "unsupported format \"" + format + "\"");
            }
            if (quiet) {
                // Validation only: load as for printing, render nothing.
                if (noInterpolate) {
                    model(loader, options);
                } else {
                    load(loader, options, serviceArgs);
                }
                return 0;
            }
            String content = noInterpolate
                    ? ConfigViews.model(model(loader, options), format)
                    : ConfigViews.project(load(loader, options, serviceArgs), format);
            if (!output.isEmpty()) {
                write(content);
            } else {
                root.ctx.out().print(content);
            }
        }
        return 0;
    }

    private static Project load(ProjectLoader loader, LoadOptions options, List<String> services) {
        return loader.load(options, services);
    }

    private static MapNode model(ProjectLoader loader, LoadOptions options) {
        return loader.loadModel(options);
    }

    private void lines(List<String> lines) {
        if (quiet) {
            return;
        }
        lines.forEach(root.ctx.out()::println);
    }

    private void write(String content) {
        Path target = root.ctx.cwd().resolve(output);
        try {
            Files.writeString(target, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ComposeException(Failure.GENERAL, "open " + target + ": " + e.getMessage());
        }
    }
}
