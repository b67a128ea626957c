package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.source.Documents;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Warnings;
import io.github.compose4j.load.yaml.YamlLimits;
import io.github.compose4j.load.yaml.YamlParser;
import io.github.compose4j.model.Project;
import io.github.compose4j.select.Selection;

import java.util.List;

/**
 * The project a command works on, built the way Docker Compose builds it for its commands: loaded
 * with the request's files, environment and profiles, services named on the command line enabled
 * (even if their profile is not), unused resources dropped, and restricted to the named services and
 * their dependencies.
 */
public final class ProjectLoader {
    private final ProjectRequest request;
    private final Warnings warnings;
    private final YamlParser yaml = new YamlParser(YamlLimits.DEFAULT);

    public ProjectLoader(ProjectRequest request, Warnings warnings) {
        this.request = request;
        this.warnings = warnings;
    }

    /** The environment commands see: the process environment plus the project's env files. */
    public java.util.Map<String, String> environment() {
        return new ProjectSetup(request, new Documents(yaml), warnings).effectiveEnvironment();
    }

    public Project load(LoadOptions options, List<String> services) {
        Documents documents = new Documents(yaml);
        ProjectSetup.Resolved r = new ProjectSetup(request, documents, warnings).resolve(options.interpolate());
        LoadOptions withProfiles = options.withProfiles(r.profiles());
        Project p = new ComposeLoader(documents, warnings, request.home()).loadProject(r.details(), r.name(), withProfiles);
        if (p.name().isEmpty()) {
            throw ComposeException.invalid("project name can't be empty. Use `--project-name` to set a valid name");
        }
        p = enabled(p, services, withProfiles);
        p = Selection.withoutUnnecessaryResources(p);
        return Selection.withSelectedServices(p, services);
    }

    /** The normalized model tree, for {@code config --no-interpolate}. */
    public MapNode loadModel(LoadOptions options) {
        Documents documents = new Documents(yaml);
        ProjectSetup.Resolved r = new ProjectSetup(request, documents, warnings).resolve(options.interpolate());
        return new ComposeLoader(documents, warnings, request.home()).loadModel(r.details(), r.name(),
                options.withProfiles(r.profiles()));
    }

    private static Project enabled(Project p, List<String> services, LoadOptions options) {
        Project out = Selection.withServicesEnabled(p, services);
        for (String s : services) {
            if (!out.services().containsKey(s)) {
                throw new ComposeException(Failure.GENERAL, "no such service: " + s);
            }
        }
        if (out.services().size() > p.services().size() && options.resolveEnvironment()) {
            // As compose-go: services enabled by name get their env_file read now, the files then dropped.
            out = io.github.compose4j.load.source.EnvFiles.resolveServicesEnvironment(out, true);
        }
        return out;
    }
}
