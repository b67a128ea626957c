package io.github.compose4j.watch;

import io.github.compose4j.build.IgnorePatterns;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.Develop;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.WatchTrigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The services {@code watch} watches, checked as Compose checks them. */
public final class WatchConfig {
    static final String SYNC = "sync";
    static final String REBUILD = "rebuild";
    static final String SYNC_RESTART = "sync+restart";

    private WatchConfig() {
    }

    /**
     * The services of {@code project} (those named, when some are) that have {@code develop.watch} rules and a build
     * section; {@code warnings} hears of the paths left unwatched because a bind mount already shares them.
     */
    public static List<WatchedService> of(Project project, List<String> services, Consumer<String> warnings) {
        List<WatchedService> out = new ArrayList<>();
        for (Service s : project.services().values()) {
            if (!services.isEmpty() && !services.contains(s.name())) {
                continue;
            }
            List<WatchTrigger> triggers = s.develop().map(Develop::watch).orElse(List.of());
            if (triggers.isEmpty()) {
                continue;
            }
            for (WatchTrigger t : triggers) {
                if (t.action().equals(REBUILD) && s.build().isEmpty()) {
                    throw new ComposeException(Failure.GENERAL, "can't watch service \"" + s.name()
                            + "\" with action rebuild without a build context");
                }
            }
            if (s.build().isEmpty()) {
                if (!services.isEmpty()) {
                    throw new ComposeException(Failure.GENERAL, "can't watch service \"" + s.name()
                            + "\" without a build context");
                }
                continue;
            }
            Path context = Path.of(s.build().orElseThrow().context());
            List<WatchedService.Rule> rules = new ArrayList<>();
            for (WatchTrigger t : triggers) {
                if (boundByAVolume(s, t.path())) {
                    warnings.accept("path '" + t.path() + "' also declared by a bind mount volume, this path won't be "
                            + "monitored!");
                    continue;
                }
                rules.add(new WatchedService.Rule(Path.of(t.path()).normalize(), t.action(),
                        t.target() == null ? "" : t.target(),
                        IgnorePatterns.of(t.ignore() == null ? List.of() : t.ignore())));
            }
            out.add(new WatchedService(s.name(), rules, context, dockerignore(context)));
        }
        if (out.isEmpty()) {
            throw new ComposeException(Failure.GENERAL,
                    "none of the selected services is configured for watch, consider setting an 'develop' section");
        }
        return out;
    }

    private static boolean boundByAVolume(Service s, String path) {
        return s.volumes().stream().anyMatch(v -> v.type().equals("bind") && !v.source().isEmpty()
                && path.startsWith(v.source()));
    }

    private static IgnorePatterns dockerignore(Path context) {
        Path file = context.resolve(".dockerignore");
        if (!Files.isRegularFile(file)) {
            return IgnorePatterns.none();
        }
        try {
            return IgnorePatterns.of(IgnorePatterns.read(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
