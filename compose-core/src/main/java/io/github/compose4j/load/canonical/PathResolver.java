package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Warnings;

import java.io.IOException;
import java.nio.file.Files;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Makes the local paths of a tree absolute against a base directory (which may itself be relative,
 * for files reached through {@code extends}): build contexts, bind sources, env and label files,
 * secret and config files, local volume devices. {@code ~} expands to the home directory.
 */
public final class PathResolver {
    private final String workingDir;
    private final Optional<String> home;
    private final Warnings warnings;
    /** Relative paths already resolved: services repeat the same bind sources and files. */
    private final java.util.Map<String, String> resolved = new java.util.HashMap<>();

    public PathResolver(String workingDir, Optional<String> home, Warnings warnings) {
        this.workingDir = workingDir;
        this.home = home;
        this.warnings = warnings;
    }

    public MapNode resolve(MapNode root) {
        return root.mapValues((key, v) -> switch (key) {
            case "services" -> v instanceof MapNode m ? m.mapValues((n, s) -> s instanceof MapNode sm ? service(sm) : s) : v;
            case "configs", "secrets" -> v instanceof MapNode m ? m.mapValues((n, o) -> fileObject(o)) : v;
            case "volumes" -> v instanceof MapNode m ? m.mapValues((n, vol) -> volumeDriverOpts(vol)) : v;
            default -> v;
        });
    }

    private Node service(MapNode service) {
        return service.mapValues((key, v) -> switch (key) {
            case "build" -> v instanceof MapNode b ? build(b) : v;
            case "env_file" -> each(v, e -> e instanceof MapNode m && m.has("path") ? m.with("path", absPath(m.get("path"))) : e);
            case "label_file" -> each(v, this::absPath);
            case "extends" -> v instanceof MapNode m && m.has("file") ? m.with("file", absPath(m.get("file"))) : v;
            case "develop" -> v instanceof MapNode d ? develop(d) : v;
            case "volumes" -> each(v, this::volumeMount);
            default -> v;
        });
    }

    private Node build(MapNode build) {
        return build.mapValues((key, v) -> switch (key) {
            case "context" -> contextPath(v);
            case "additional_contexts" -> v instanceof MapNode m ? m.mapValues((k, c) -> contextPath(c)) : v;
            case "ssh" -> v instanceof MapNode m ? m.mapValues((k, s) -> maybeUnixPath(s)) : v;
            default -> v;
        });
    }

    private Node develop(MapNode develop) {
        return develop.mapValues((key, v) -> key.equals("watch") ? each(v, t -> {
            if (t instanceof MapNode trigger && trigger.has("path")) {
                return trigger.with("path", symlinkResolved(absPath(trigger.get("path"))));
            }
            return t;
        }) : v);
    }

    private Node fileObject(Node o) {
        if (o instanceof MapNode m && m.has("file")) {
            return m.with("file", maybeUnixPath(m.get("file")));
        }
        return o;
    }

    private Node volumeDriverOpts(Node vol) {
        if (!(vol instanceof MapNode m) || !(m.get("driver") instanceof ScalarNode d) || !"local".equals(d.value())) {
            return vol;
        }
        if (!(m.get("driver_opts") instanceof MapNode opts)) {
            return vol;
        }
        Node o = opts.get("o");
        if (opts.has("device") && o instanceof ScalarNode os && "bind".equals(os.value())) {
            return m.with("driver_opts", opts.with("device", maybeUnixPath(opts.get("device"))));
        }
        return vol;
    }

    private Node volumeMount(Node v) {
        if (!(v instanceof MapNode vol)) {
            return v;
        }
        if (!(vol.get("type") instanceof ScalarNode t) || !"bind".equals(t.value())) {
            return vol;
        }
        if (!vol.has("source")) {
            throw ComposeException.invalid(vol.mark().prefix("invalid mount config for type \"bind\": field Source must not be empty"));
        }
        return vol.with("source", maybeUnixPath(vol.get("source")));
    }

    private Node contextPath(Node v) {
        if (!(v instanceof ScalarNode s) || !(s.value() instanceof String str)) {
            return v;
        }
        if (str.contains("://") || str.startsWith("service:") || isRemoteContext(str)) {
            return v;
        }
        return absPath(v);
    }

    static boolean isRemoteContext(String s) {
        for (String prefix : new String[] {"https://", "http://", "git://", "ssh://", "github.com/", "git@"}) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Node absPath(Node v) {
        if (v instanceof SeqNode) {
            return each(v, this::absPath);
        }
        if (!(v instanceof ScalarNode s) || !(s.value() instanceof String str)) {
            throw ComposeException.invalid(v.mark().prefix("unexpected type " + io.github.compose4j.load.tree.Nodes.goType(v)));
        }
        String p = expandUser(str);
        if (GoPaths.isAbs(p)) {
            return s.withValue(p);
        }
        if (!p.isEmpty()) {
            return s.withValue(joined(p));
        }
        return s.withValue(p);
    }

    private String joined(String relative) {
        String out = resolved.get(relative);
        if (out == null) {
            out = GoPaths.join(workingDir, relative);
            resolved.put(relative, out);
        }
        return out;
    }

    private Node maybeUnixPath(Node v) {
        if (!(v instanceof ScalarNode s) || !(s.value() instanceof String str)) {
            return v;
        }
        String p = expandUser(str);
        if (!GoPaths.isAbs(p) && !isWindowsAbs(p)) {
            return s.withValue(joined(p));
        }
        return p.equals(str) ? s : s.withValue(p);
    }

    private Node symlinkResolved(Node v) {
        if (!(v instanceof ScalarNode s) || !(s.value() instanceof String str) || !GoPaths.isAbs(str)) {
            return v;
        }
        // The first symbolic link on the way is replaced by its target, as Compose does for watch paths.
        String current = "/";
        for (String part : str.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            current = GoPaths.join(current, part);
            Path p = Paths.get(current);
            if (Files.isSymbolicLink(p)) {
                try {
                    String target = p.toRealPath().toString();
                    return s.withValue(str.replaceFirst(java.util.regex.Pattern.quote(current), java.util.regex.Matcher.quoteReplacement(target)));
                } catch (IOException e) {
                    throw ComposeException.invalid(s.mark().prefix(e.getMessage()));
                }
            }
        }
        return v;
    }

    private String expandUser(String p) {
        if (!p.startsWith("~")) {
            return p;
        }
        if (home.isEmpty()) {
            warnings.warn("cannot expand '~', because the environment lacks HOME");
            return p;
        }
        return GoPaths.join(home.get(), p.substring(1));
    }

    static boolean isWindowsAbs(String path) {
        if (path.length() < 3) {
            return false;
        }
        char c = path.charAt(0);
        if (path.charAt(1) == ':' && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            char sep = path.charAt(2);
            return sep == '\\' || sep == '/';
        }
        return false;
    }

    private static Node each(Node v, UnaryOperator<Node> fn) {
        if (!(v instanceof SeqNode seq)) {
            return v;
        }
        List<Node> out = new ArrayList<>(seq.size());
        boolean changed = false;
        for (Node n : seq.items()) {
            Node m = fn.apply(n);
            changed |= m != n;
            out.add(m);
        }
        return changed ? new SeqNode(out, seq.mark(), seq.tag()) : seq;
    }

}
