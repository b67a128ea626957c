package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.source.Sources;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code include}: other compose projects loaded on their own (own project directory and env files)
 * and copied into this one. A resource defined on both sides must be identical.
 */
final class Include {
    /** One included project to load. */
    record Request(List<String> paths, String relativeWorkingDir, String projectDirectory,
                   Map<String, String> environment, List<String> included) {
    }

    interface ProjectLoader {
        MapNode load(Request request);
    }

    private Include() {
    }

    static MapNode apply(MapNode cfg, String workingDir, String resourceDir, Map<String, String> env,
                         List<String> included, ProjectLoader loader) {
        Node inc = cfg.get("include");
        if (inc == null || Nodes.isNull(inc)) {
            return cfg.without("include");
        }
        if (!(inc instanceof SeqNode list)) {
            throw ComposeException.invalid(inc.mark().prefix("`include` must be a list, got "
                    + io.github.compose4j.load.tree.GoText.of(Nodes.toPlain(inc))));
        }
        MapNode out = cfg;
        for (Node item : list.items()) {
            List<String> paths = new ArrayList<>();
            String projectDirectory = "";
            List<String> envFiles = new ArrayList<>();
            if (item instanceof ScalarNode s && s.value() instanceof String str) {
                paths.add(str);
            } else if (item instanceof MapNode m) {
                stringList(m.get("path"), paths);
                String pd = Nodes.string(m.get("project_directory"));
                projectDirectory = pd == null ? "" : pd;
                stringList(m.get("env_file"), envFiles);
            }
            String relWorkingDir = "";
            List<String> resolved = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                String p = Sources.absolute(resourceDir, paths.get(i));
                if (i == 0) {
                    if (projectDirectory.isEmpty()) {
                        relWorkingDir = Sources.relativeDir(resourceDir, p);
                        projectDirectory = Sources.parent(p);
                    } else if (!Sources.isAbsolute(projectDirectory)) {
                        relWorkingDir = Sources.relativeDir(resourceDir, projectDirectory);
                        projectDirectory = Sources.join(workingDir, projectDirectory);
                    } else {
                        relWorkingDir = projectDirectory;
                    }
                    if (included.contains(p)) {
                        List<String> chain = new ArrayList<>(included);
                        chain.add(p);
                        throw ComposeException.invalid("include cycle detected:\n" + chain.get(0) + "\n include "
                                + String.join("\n include ", chain.subList(1, chain.size())));
                    }
                }
                resolved.add(p);
            }
            List<String> files = new ArrayList<>();
            if (envFiles.isEmpty()) {
                Path dotEnv = Path.of(Sources.join(projectDirectory, ".env"));
                if (Files.isRegularFile(dotEnv)) {
                    files.add(dotEnv.toString());
                }
            } else {
                for (String f : envFiles) {
                    if (!Sources.isAbsolute(f)) {
                        f = Sources.join(workingDir, f);
                        Path fp = Path.of(f);
                        if (!Files.exists(fp)) {
                            throw ComposeException.notFound("stat " + f + ": no such file or directory");
                        }
                        if (Files.isDirectory(fp)) {
                            throw ComposeException.invalid(f + " is not a file");
                        }
                    }
                    files.add(f);
                }
            }
            Map<String, String> merged = new HashMap<>(io.github.compose4j.load.source.EnvFiles.read(env, files, io.github.compose4j.error.Failure.COMPOSE_PARSE));
            merged.putAll(env);
            MapNode imported = loader.load(new Request(resolved, relWorkingDir, projectDirectory, merged, included));
            out = importResources(imported, out);
        }
        return out.without("include");
    }

    private static void stringList(Node n, List<String> out) {
        if (n instanceof ScalarNode s && s.value() instanceof String str) {
            out.add(str);
        } else if (n instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                String str = Nodes.string(item);
                if (str != null) {
                    out.add(str);
                }
            }
        }
    }

    private static MapNode importResources(MapNode source, MapNode target) {
        MapNode out = target;
        for (String key : List.of("services", "volumes", "networks", "secrets", "configs")) {
            Node from = source.get(key);
            if (!(from instanceof MapNode fromMap)) {
                continue;
            }
            MapNode to = out.get(key) instanceof MapNode m ? m : MapNode.empty(fromMap.mark());
            MapNode.Builder b = to.toBuilder();
            for (Map.Entry<String, Node> e : fromMap.entries().entrySet()) {
                Node conflict = to.get(e.getKey());
                if (conflict != null) {
                    if (Nodes.toPlainEquals(conflict, e.getValue())) {
                        continue;
                    }
                    throw ComposeException.invalid(conflict.mark().prefix(key + "." + e.getKey()
                            + " conflicts with imported resource"));
                }
                b.put(e.getKey(), fromMap.keyMark(e.getKey()), e.getValue());
            }
            out = out.with(key, b.build());
        }
        return out;
    }
}
