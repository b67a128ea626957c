package io.github.compose4j.junit;

import io.github.compose4j.api.ProjectSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stack as declared, independent of annotations (the Testcontainers adapter and the tests build it directly).
 *
 * @param source        the project, under the base name (the prefix of the unique name, or the name itself)
 * @param baseName      the project name, or its prefix when not reused
 * @param lifecycle     when it comes up and goes down
 * @param keepOnFailure leave it in place when a test failed
 * @param reuse         stable name, never removed, adopted by the next run
 * @param timeout       how long the services may take to be ready
 * @param checks        extra readiness checks
 */
record StackDefinition(ProjectSource source, String baseName, Lifecycle lifecycle, boolean keepOnFailure,
                       boolean reuse, Duration timeout, List<ReadyCheck> checks) {
    StackDefinition {
        checks = List.copyOf(checks);
    }

    /** An extra readiness check; see {@link ReadyWhen}. */
    record ReadyCheck(String service, int port, String httpPath, String logLine, Duration timeout) {
    }

    static StackDefinition of(Compose c, Class<?> testClass, Map<String, String> processEnv, Path workingDirectory) {
        Map<String, String> env = new HashMap<>(c.inheritEnv() ? processEnv : Map.of());
        for (String entry : c.env()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@Compose env entries are KEY=value: " + entry);
            }
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        ProjectSource source;
        if (!c.yaml().isEmpty()) {
            source = ProjectSource.yaml(c.yaml(), workingDirectory);
        } else if (c.files().length > 0) {
            List<Path> files = new ArrayList<>();
            for (String f : c.files()) {
                files.add(workingDirectory.resolve(f));
            }
            source = ProjectSource.files(files.get(0), files.subList(1, files.size()).toArray(Path[]::new));
        } else {
            throw new IllegalArgumentException("@Compose on " + testClass.getName() + " names no files and no yaml");
        }
        String base = c.projectName().isEmpty() ? normalize(testClass.getSimpleName()) : c.projectName();
        List<ReadyCheck> checks = new ArrayList<>();
        for (ReadyWhen r : c.readyWhen()) {
            checks.add(new ReadyCheck(r.service(), r.port(), r.httpPath(), r.logLine(),
                    Duration.ofSeconds(r.timeoutSeconds())));
        }
        return new StackDefinition(source.withEnv(env).withProfiles(c.profiles()), base, c.lifecycle(),
                c.keepOnFailure(), c.reuse(), Duration.ofSeconds(c.timeoutSeconds()), checks);
    }

    /** What identifies a {@link Lifecycle#SHARED} stack: the same project from the same inputs. */
    String sharedKey() {
        return source + "|" + baseName + "|" + reuse;
    }

    /** Compose's rule: lower case letters, digits, dashes and underscores, starting with a letter or digit. */
    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        n = n.replaceFirst("^[_-]+", "");
        return n.isEmpty() ? "compose4j" : n;
    }
}
