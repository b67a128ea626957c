package io.github.compose4j.watch;

import io.github.compose4j.build.IgnorePatterns;

import java.nio.file.Path;
import java.util.List;

/**
 * A service to watch and its rules.
 *
 * @param context       the service's build context, whose {@code .dockerignore} leaves files out of every rule
 * @param contextIgnore that {@code .dockerignore}
 */
public record WatchedService(String service, List<Rule> rules, Path context, IgnorePatterns contextIgnore) {
    public WatchedService {
        rules = List.copyOf(rules);
    }

    /**
     * One {@code develop.watch} rule.
     *
     * @param path   the watched file or directory, absolute
     * @param action {@code sync}, {@code rebuild} or {@code sync+restart}
     * @param target where {@code path} is in the container (sync actions); empty otherwise
     * @param ignore the rule's {@code ignore} patterns, relative to {@code path}
     */
    public record Rule(Path path, String action, String target, IgnorePatterns ignore) {
    }
}
