package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.canonical.Canonical;
import io.github.compose4j.load.canonical.EnvironmentReferences;
import io.github.compose4j.load.canonical.OmitEmpty;
import io.github.compose4j.load.canonical.Defaults;
import io.github.compose4j.load.canonical.Normalizer;
import io.github.compose4j.load.canonical.PathResolver;
import io.github.compose4j.load.canonical.ProjectBinder;
import io.github.compose4j.load.canonical.TreeChecks;
import io.github.compose4j.load.interpolate.Interpolator;
import io.github.compose4j.load.source.ConfigFile;
import io.github.compose4j.load.source.Documents;
import io.github.compose4j.load.merge.Merger;
import io.github.compose4j.load.merge.TaggedPaths;
import io.github.compose4j.load.schema.SchemaValidator;
import io.github.compose4j.load.source.EnvFiles;
import io.github.compose4j.load.source.Sources;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Warnings;
import io.github.compose4j.model.Project;
import io.github.compose4j.select.Selection;
import io.github.compose4j.validate.ProjectValidator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads compose files into a {@link Project}, stage by stage, in Compose's order. Per document:
 * parse, interpolate, extends, resets, include, merge onto the previous documents, schema validation,
 * canonical form. Then, once: defaults, tree checks, paths, environment references, normalization,
 * binding to the model, profiles, consistency, env files.
 */
public final class ComposeLoader {
    private final Documents documents;
    private final Warnings warnings;
    private final Optional<String> home;

    public ComposeLoader(Documents documents, Warnings warnings, Optional<String> home) {
        this.documents = documents;
        this.warnings = warnings;
        this.home = home;
    }

    /** The model as a normalized tree ({@code config --no-interpolate} prints it). */
    public MapNode loadModel(ConfigDetails details, ProjectName name, LoadOptions options) {
        Map<String, String> env = withProjectName(details.environment(), name.value());
        MapNode dict = new Pass(options, details.workingDir(), details.workingDir(), env, new ArrayList<>())
                .loadYamlModel(details.files(), List.of());
        if (dict.isEmpty()) {
            throw ComposeException.invalid("empty compose file");
        }
        if (options.normalize()) {
            dict = Normalizer.normalize(dict, name.value(), env);
        }
        return dict;
    }

    /** The project every command works on. */
    public Project loadProject(ConfigDetails details, ProjectName name, LoadOptions options) {
        MapNode dict = loadModel(details, name, options);
        List<String> files = new ArrayList<>();
        details.files().forEach(f -> files.add(f.name()));
        Map<String, String> env = withProjectName(details.environment(), name.value());
        Project project = ProjectBinder.bind(dict.without("name"), name.value(), Path.of(details.workingDir()), files, env);
        project = Selection.withProfiles(project, options.profiles());
        if (options.consistency()) {
            project = ProjectValidator.check(project);
        }
        if (options.resolveEnvironment()) {
            project = EnvFiles.resolveServicesEnvironment(project, options.discardEnvFiles());
        }
        project = EnvFiles.resolveServicesLabels(project, options.discardEnvFiles());
        return project;
    }

    private static Map<String, String> withProjectName(Map<String, String> env, String projectName) {
        Map<String, String> out = new HashMap<>(env);
        out.put("COMPOSE_PROJECT_NAME", projectName);
        return out;
    }

    /** One load of a set of files (the project's, an included project's, an extended file). */
    private final class Pass {
        private final LoadOptions options;
        /** Relative paths of the model are resolved against this (relative for nested files). */
        private final String workingDir;
        /** Files named by extends and include are found relative to this absolute directory. */
        private final String resourceDir;
        private final Map<String, String> env;
        private final List<String> included;
        private boolean validate = true;
        private boolean extendsEnabled = true;
        private boolean includeEnabled = true;
        private boolean resolvePaths;
        private boolean defaults = true;

        Pass(LoadOptions options, String workingDir, String resourceDir, Map<String, String> env,
             List<String> included) {
            this.options = options;
            this.workingDir = workingDir;
            this.resourceDir = resourceDir;
            this.env = env;
            this.included = included;
            this.resolvePaths = options.resolvePaths();
        }

        MapNode loadYamlModel(List<ConfigFile> files, List<Extends.Ref> cycle) {
            MapNode dict = MapNode.empty(Mark.NONE);
            for (ConfigFile file : files) {
                dict = loadYamlFile(file, dict, cycle).dict();
            }
            if (defaults) {
                dict = Defaults.apply(dict);
            }
            if (validate) {
                TreeChecks.check(dict);
            }
            if (resolvePaths) {
                dict = new PathResolver(workingDir, home, warnings).resolve(dict);
            }
            return EnvironmentReferences.resolve(dict, env);
        }

        record Loaded(MapNode dict, TaggedPaths tagged) {
        }

        Loaded loadYamlFile(ConfigFile file, MapNode dict, List<Extends.Ref> cycle) {
            List<MapNode> parsed = documents.of(file);
            TaggedPaths last = TaggedPaths.of(MapNode.empty(Mark.NONE));
            for (MapNode raw : parsed) {
                // Compose resolves !reset/!override while decoding: before interpolation and extends.
                TaggedPaths tagged = TaggedPaths.of(raw);
                last = tagged;
                MapNode cfg = Merger.applyResets(raw);
                if (options.interpolate()) {
                    cfg = Interpolator.interpolate(cfg, name -> Optional.ofNullable(env.get(name)), warnings::warn);
                }
                if (extendsEnabled) {
                    cfg = new Extends(this::loadExtendedFile, file.name(), tagged).apply(cfg, cycle);
                }
                if (includeEnabled) {
                    List<String> chain = new ArrayList<>(included);
                    chain.add(file.name());
                    cfg = Include.apply(cfg, workingDir, resourceDir, env, chain, this::loadIncluded);
                }
                dict = Merger.enforceUnicity(Merger.merge(dict, cfg, tagged));
                if (validate) {
                    SchemaValidator.get().validate(dict, file.name());
                    if (dict.has("version")) {
                        warnings.warn(file.name() + ": the attribute `version` is obsolete, it will be ignored, "
                                + "please remove it to avoid potential confusion");
                        dict = dict.without("version");
                    }
                }
                dict = Canonical.transform(dict, !options.interpolate(), warnings);
                dict = OmitEmpty.apply(dict);
                dict = Merger.enforceUnicity(dict);
            }
            return new Loaded(dict, last);
        }

        /** The services of another file, loaded raw for {@code extends}, with paths relative to ours. */
        Extends.Loaded loadExtendedFile(String refPath, List<Extends.Ref> cycle) {
            String local = Sources.absolute(resourceDir, refPath);
            String relWorkingDir = Sources.relativeDir(resourceDir, local);
            Pass pass = new Pass(options, relWorkingDir, Sources.parent(local), env, List.of());
            pass.resolvePaths = false;
            pass.includeEnabled = false;
            pass.extendsEnabled = false;
            pass.validate = false;
            pass.defaults = false;
            Loaded loaded = pass.loadYamlFile(documents.read(local), MapNode.empty(Mark.NONE), cycle);
            MapNode source = new PathResolver(relWorkingDir, home, warnings).resolve(loaded.dict());
            return new Extends.Loaded(local, source, loaded.tagged());
        }

        MapNode loadIncluded(Include.Request request) {
            Pass pass = new Pass(options.forInclude(), request.relativeWorkingDir(), request.projectDirectory(),
                    request.environment(),
                    request.included());
            pass.resolvePaths = true;
            List<ConfigFile> files = new ArrayList<>();
            for (String p : request.paths()) {
                files.add(Sources.read(p));
            }
            return pass.loadYamlModel(files, List.of());
        }
    }

    /** Fails a load whose compose file list is empty. */
    static ComposeException noFiles() {
        return new ComposeException(Failure.FILE_NOT_FOUND, "no configuration file provided: not found");
    }
}
