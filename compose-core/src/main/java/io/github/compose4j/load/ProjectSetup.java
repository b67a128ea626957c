package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.canonical.GoPaths;
import io.github.compose4j.load.interpolate.Interpolator;
import io.github.compose4j.load.source.ConfigFile;
import io.github.compose4j.load.source.Documents;
import io.github.compose4j.load.source.EnvFiles;
import io.github.compose4j.load.source.Sources;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.Warnings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link ProjectRequest} into what the loader needs, with Compose's precedence rules: which
 * files ({@code -f}, {@code COMPOSE_FILE}, else {@code compose.yaml} and friends in the working
 * directory or a parent, plus the override file), which environment (the process environment wins
 * over {@code .env} or {@code --env-file}s), which project directory, which profiles, which name.
 */
public final class ProjectSetup {
    static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
    static final List<String> DEFAULT_OVERRIDES = List.of("compose.override.yml", "compose.override.yaml",
            "docker-compose.override.yml", "docker-compose.override.yaml");

    /** The resolved inputs of a load. */
    public record Resolved(ConfigDetails details, ProjectName name, List<String> profiles, Map<String, String> environment) {
    }

    private final ProjectRequest request;
    private final Warnings warnings;
    private final Documents documents;

    public ProjectSetup(ProjectRequest request, Documents documents, Warnings warnings) {
        this.request = request;
        this.documents = documents;
        this.warnings = warnings;
    }

    /**
     * The environment commands see: the process environment plus the project's env files (the
     * process wins). Failures here are Compose's pre-command failures (exit 1).
     */
    public Map<String, String> effectiveEnvironment() {
        request.projectName().ifPresent(n -> {
            if (!ProjectName.normalize(n).equals(n)) {
                throw new ComposeException(Failure.GENERAL, ProjectName.invalid(n).getMessage());
            }
        });
        Map<String, String> os = request.osEnv();
        List<String> configPaths = configPaths(os, Failure.GENERAL);
        String workingDir = workingDir(configPaths);
        List<String> envFiles = envFiles(os, workingDir);
        Map<String, String> dotenv = EnvFiles.read(os, envFiles);
        Map<String, String> env = new HashMap<>(dotenv);
        env.putAll(os);
        return env;
    }

    /** Resolves files, directory, environment, profiles and name for loading. */
    public Resolved resolve(boolean interpolate) {
        Map<String, String> env = effectiveEnvironment();
        List<String> configPaths = configPaths(env, Failure.FILE_NOT_FOUND);
        String workingDir = workingDir(configPaths);
        if (configPaths.isEmpty()) {
            throw new ComposeException(Failure.FILE_NOT_FOUND, "no configuration file provided: not found");
        }
        List<ConfigFile> files = new ArrayList<>();
        for (String p : configPaths) {
            files.add(p.equals("-") ? new ConfigFile("-", request.stdin().get()) : Sources.read(p));
        }
        List<String> profiles = request.profiles();
        if (profiles.isEmpty()) {
            profiles = new ArrayList<>();
            for (String s : env.getOrDefault("COMPOSE_PROFILES", "").split(",", -1)) {
                profiles.add(s.trim());
            }
        }
        ProjectName name = projectName(env, workingDir, files, interpolate);
        return new Resolved(new ConfigDetails(workingDir, files, env), name, List.copyOf(profiles), env);
    }

    private List<String> configPaths(Map<String, String> env, Failure missing) {
        if (!request.configFiles().isEmpty()) {
            List<String> out = new ArrayList<>();
            for (String f : request.configFiles()) {
                out.add(f.equals("-") ? f : absolute(f));
            }
            return out;
        }
        String composeFile = env.get("COMPOSE_FILE");
        if (composeFile != null) {
            String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", "");
            if (sep.isEmpty()) {
                sep = ":";
            }
            List<String> out = new ArrayList<>();
            for (String f : composeFile.split(java.util.regex.Pattern.quote(sep), -1)) {
                if (f.equals("-")) {
                    out.add(f);
                    continue;
                }
                String abs = absolute(f);
                if (!Files.exists(Path.of(abs))) {
                    throw new ComposeException(missing, "stat " + abs + ": no such file or directory");
                }
                out.add(abs);
            }
            return out;
        }
        String dir = request.projectDirectory().map(this::absolute).orElse(request.cwd().toString());
        while (true) {
            List<String> candidates = existing(dir, DEFAULT_FILES);
            if (!candidates.isEmpty()) {
                List<String> out = new ArrayList<>();
                out.add(candidates.get(0));
                if (candidates.size() > 1) {
                    warnings.warn("Found multiple config files with supported names: " + String.join(", ", candidates));
                    warnings.warn("Using " + candidates.get(0));
                }
                List<String> overrides = existing(dir, DEFAULT_OVERRIDES);
                if (!overrides.isEmpty()) {
                    if (overrides.size() > 1) {
                        warnings.warn("Found multiple override files with supported names: " + String.join(", ", overrides));
                        warnings.warn("Using " + overrides.get(0));
                    }
                    out.add(overrides.get(0));
                }
                return out;
            }
            String parent = GoPaths.dir(dir);
            if (parent.equals(dir)) {
                return List.of();
            }
            dir = parent;
        }
    }

    private static List<String> existing(String dir, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String f = GoPaths.join(dir, n);
            if (Files.exists(Path.of(f))) {
                out.add(f);
            }
        }
        return out;
    }

    private String workingDir(List<String> configPaths) {
        if (request.projectDirectory().isPresent()) {
            return absolute(request.projectDirectory().get());
        }
        for (String p : configPaths) {
            if (!p.equals("-")) {
                return GoPaths.dir(p);
            }
        }
        return request.cwd().toString();
    }

    private List<String> envFiles(Map<String, String> os, String workingDir) {
        List<String> files = request.envFiles();
        if (files.isEmpty()) {
            String fromEnv = os.getOrDefault("COMPOSE_ENV_FILES", "");
            if (!fromEnv.isEmpty()) {
                files = List.of(fromEnv.split(",", -1));
            }
        }
        if (!files.isEmpty()) {
            List<String> out = new ArrayList<>();
            files.forEach(f -> out.add(absolute(f)));
            return out;
        }
        String disable = os.get("COMPOSE_DISABLE_ENV_FILE");
        if (disable != null) {
            Boolean b = parseBool(disable);
            if (b == null) {
                throw new ComposeException(Failure.GENERAL, "strconv.ParseBool: parsing \"" + disable + "\": invalid syntax");
            }
            if (b) {
                return List.of();
            }
        }
        String dotEnv = GoPaths.join(workingDir, ".env");
        return Sources.isFile(dotEnv) ? List.of(dotEnv) : List.of();
    }

    private ProjectName projectName(Map<String, String> env, String workingDir, List<ConfigFile> files,
                                    boolean interpolate) {
        if (request.projectName().isPresent()) {
            return new ProjectName(request.projectName().get(), true);
        }
        String fromEnv = env.get("COMPOSE_PROJECT_NAME");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new ProjectName(fromEnv, true).checked();
        }
        String fromFile = "";
        for (ConfigFile f : files) {
            try {
                for (MapNode doc : documents.of(f)) {
                    if (doc.get("name") instanceof ScalarNode s && s.value() != null && !s.text().isEmpty()) {
                        fromFile = s.text();
                    }
                }
            } catch (ComposeException e) {
                // A broken file is reported by the load itself.
                break;
            }
        }
        if (!fromFile.isEmpty() && interpolate) {
            Map<String, String> lookupEnv = new HashMap<>(env);
            MapNode holder = MapNode.builder(Mark.NONE).put("name", new ScalarNode(fromFile, Mark.NONE)).build();
            Node interpolated = Interpolator.interpolate(holder, n -> Optional.ofNullable(lookupEnv.get(n))).get("name");
            fromFile = ((ScalarNode) interpolated).text();
        }
        fromFile = ProjectName.normalize(fromFile);
        if (!fromFile.isEmpty()) {
            return new ProjectName(fromFile, false);
        }
        return new ProjectName(ProjectName.normalize(GoPaths.base(workingDir)), false);
    }

    private String absolute(String p) {
        return Sources.absolute(request.cwd().toString(), p);
    }

    static Boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> null;
        };
    }
}
