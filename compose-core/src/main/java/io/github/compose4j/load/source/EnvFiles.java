package io.github.compose4j.load.source;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.EnvFile;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Env files: the project's {@code .env}/{@code --env-file}s and services' {@code env_file}/{@code label_file}. */
public final class EnvFiles {
    private static final long MAX_ENV_FILE_BYTES = 16L * 1024 * 1024;

    private EnvFiles() {
    }

    /**
     * Reads env files in order, later files winning; variables are expanded from {@code current} first,
     * then from the files read so far. A missing file is an error.
     */
    public static Map<String, String> read(Map<String, String> current, List<String> files) {
        return read(current, files, Failure.GENERAL);
    }

    /** Like {@link #read(Map, List)}, failing with the given kind of failure. */
    public static Map<String, String> read(Map<String, String> current, List<String> files, Failure failure) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String file : files) {
            Path p = Path.of(file).toAbsolutePath();
            if (!Files.exists(p)) {
                throw new ComposeException(failure, "Couldn't find env file: " + p);
            }
            if (Files.isDirectory(p)) {
                throw new ComposeException(failure, p + " is a directory");
            }
            Map<String, String> vars;
            try {
                vars = DotEnv.parse(p.toString(), readText(p.toString()),
                        name -> current.containsKey(name) ? current.get(name) : env.get(name));
            } catch (DotEnvException e) {
                throw new ComposeException(failure, "failed to read " + p + ": " + e.reason());
            }
            env.putAll(vars);
        }
        return env;
    }

    private static Map<String, String> parse(String file, java.util.function.Function<String, String> lookup) {
        return DotEnv.parse(file, readText(file), lookup);
    }

    private static String readText(String file) {
        try {
            Path p = Path.of(file);
            if (Files.size(p) > MAX_ENV_FILE_BYTES) {
                throw ComposeException.invalid(file + ": env file larger than " + MAX_ENV_FILE_BYTES + " bytes");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ComposeException.notFound("open " + file + ": " + e.getMessage());
        }
    }

    /** Services' environment: env files first (in order), then {@code environment}, unset values looked up. */
    public static Project resolveServicesEnvironment(Project project, boolean discardEnvFiles) {
        Map<String, Service> services = new LinkedHashMap<>();
        Map<String, String> projectEnv = project.environment();
        project.services().forEach((name, s) -> {
            Map<String, Optional<String>> declared = new LinkedHashMap<>();
            s.environment().forEach((k, v) -> declared.put(k,
                    v.isPresent() ? v : Optional.ofNullable(projectEnv.get(k))));
            Map<String, Optional<String>> environment = new LinkedHashMap<>();
            for (EnvFile f : s.envFile()) {
                if (!Files.exists(Path.of(f.path()))) {
                    if (f.required()) {
                        throw ComposeException.notFound("env file " + f.path() + " not found: stat " + f.path()
                                + ": no such file or directory");
                    }
                    continue;
                }
                if (!f.format().isEmpty()) {
                    throw ComposeException.invalid("unsupported env_file format \"" + f.format() + "\"");
                }
                Map<String, String> vars = parse(f.path(), k -> {
                    Optional<String> v = environment.get(k);
                    if (v != null && v.isPresent()) {
                        return v.get();
                    }
                    return projectEnv.get(k);
                });
                vars.forEach((k, v) -> environment.put(k, Optional.of(v)));
            }
            environment.putAll(declared);
            // Copying a service record is costly: keep it when nothing changed (no env file, no lookup).
            Service updated = s.envFile().isEmpty() && environment.equals(s.environment())
                    ? s : RecordShape.with(s, "environment", Collections.unmodifiableMap(environment));
            if (discardEnvFiles && !updated.envFile().isEmpty()) {
                updated = RecordShape.with(updated, "envFile", List.of());
            }
            services.put(name, updated);
        });
        return RecordShape.with(project, "services", Collections.unmodifiableMap(services));
    }

    /** Services' labels: label files first (in order), then {@code labels}. */
    public static Project resolveServicesLabels(Project project, boolean discardLabelFiles) {
        boolean any = project.services().values().stream().anyMatch(s -> !s.labelFile().isEmpty());
        if (!any) {
            return project;
        }
        Map<String, Service> services = new LinkedHashMap<>();
        project.services().forEach((name, s) -> {
            Map<String, String> labels = new LinkedHashMap<>();
            for (String f : s.labelFile()) {
                if (!Files.exists(Path.of(f))) {
                    throw ComposeException.notFound("label file " + f + " not found: stat " + f + ": no such file or directory");
                }
                labels.putAll(parse(f, labels::get));
            }
            labels.putAll(s.labels());
            Service updated = labels.isEmpty() ? s : RecordShape.with(s, "labels", Collections.unmodifiableMap(labels));
            if (discardLabelFiles) {
                updated = RecordShape.with(updated, "labelFile", List.of());
            }
            services.put(name, updated);
        });
        return RecordShape.with(project, "services", Collections.unmodifiableMap(services));
    }
}
