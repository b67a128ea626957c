package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.merge.Merger;
import io.github.compose4j.load.merge.TaggedPaths;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extends}: a service is its base service (same file or another one, recursively) with its own
 * definition merged on top. Cycles are reported with the chain that forms them.
 */
final class Extends {
    /** A service reached while following {@code extends}. */
    record Ref(String file, String service) {
    }

    /** Another compose file loaded for {@code extends}. */
    record Loaded(String path, MapNode model, TaggedPaths tagged) {
    }

    interface FileLoader {
        Loaded load(String refPath, List<Ref> cycle);
    }

    private final FileLoader loader;
    private final String fileName;
    private final TaggedPaths documentTags;

    Extends(FileLoader loader, String fileName, TaggedPaths documentTags) {
        this.loader = loader;
        this.fileName = fileName;
        this.documentTags = documentTags;
    }

    MapNode apply(MapNode cfg, List<Ref> cycle) {
        Node s = cfg.get("services");
        if (s == null) {
            return cfg;
        }
        if (!(s instanceof MapNode servicesNode)) {
            throw ComposeException.invalid(s.mark().prefix("services must be a mapping"));
        }
        Map<String, Node> services = new LinkedHashMap<>(servicesNode.entries());
        boolean any = false;
        for (String name : servicesNode.keys()) {
            Node merged = applyService(name, services, cycle, documentTags);
            if (merged != servicesNode.get(name)) {
                any = true;
            }
            services.put(name, merged);
        }
        if (!any) {
            return cfg;
        }
        MapNode.Builder b = MapNode.builder(servicesNode.mark()).tag(servicesNode.tag());
        services.forEach((k, v) -> b.put(k, servicesNode.keyMark(k), v));
        return cfg.with("services", b.build());
    }

    private Node applyService(String name, Map<String, Node> services, List<Ref> cycle, TaggedPaths post) {
        Node s = services.get(name);
        if (Nodes.isNull(s)) {
            return s;
        }
        if (!(s instanceof MapNode service)) {
            throw ComposeException.invalid(s.mark().prefix("services." + name + " must be a mapping"));
        }
        Node ext = service.get("extends");
        if (ext == null) {
            return s;
        }
        String ref;
        String file = null;
        if (ext instanceof MapNode m) {
            ref = Nodes.string(m.get("service"));
            file = Nodes.string(m.get("file"));
        } else if (ext instanceof ScalarNode sc && sc.value() instanceof String str) {
            ref = str;
        } else {
            throw ComposeException.invalid(ext.mark().prefix("services." + name + ".extends must be a string or a mapping"));
        }
        String filename = fileName;
        Map<String, Node> scope = services;
        TaggedPaths tags = post;
        if (file != null) {
            Loaded loaded = loader.load(file, cycle);
            tags = tags.and(loaded.tagged());
            Node other = loaded.model().get("services");
            if (other == null) {
                throw ComposeException.invalid(ext.mark().prefix("cannot extend service \"" + name + "\" in "
                        + loaded.path() + ": no services section"));
            }
            if (!(other instanceof MapNode otherServices)) {
                throw ComposeException.invalid(ext.mark().prefix("cannot extend service \"" + name + "\" in "
                        + loaded.path() + ": services must be a mapping"));
            }
            if (!otherServices.has(ref)) {
                throw ComposeException.invalid(ext.mark().prefix("cannot extend service \"" + name + "\" in "
                        + fileName + ": service \"" + ref + "\" not found in " + file));
            }
            scope = new LinkedHashMap<>(otherServices.entries());
            filename = file;
        } else if (!services.containsKey(ref)) {
            throw ComposeException.invalid(ext.mark().prefix("cannot extend service \"" + name + "\" in "
                    + fileName + ": service \"" + ref + "\" not found"));
        }
        List<Ref> next = track(cycle, new Ref(filename, name));
        Node base = applyService(ref, scope, next, tags);
        if (Nodes.isNull(base)) {
            return service;
        }
        MapNode source = (MapNode) base;
        MapNode merged = Merger.mergeService(source, service, tags.inService(name)).without("extends");
        scope.put(name, merged);
        return merged;
    }

    private static List<Ref> track(List<Ref> cycle, Ref ref) {
        if (cycle.contains(ref)) {
            StringBuilder sb = new StringBuilder("Circular reference:\n");
            sb.append("  ").append(cycle.get(0).service()).append(" in ").append(cycle.get(0).file());
            List<Ref> rest = new ArrayList<>(cycle.subList(1, cycle.size()));
            rest.add(ref);
            for (Ref r : rest) {
                sb.append("\n  extends ").append(r.service()).append(" in ").append(r.file());
            }
            throw ComposeException.invalid(sb.toString());
        }
        List<Ref> next = new ArrayList<>(cycle);
        next.add(ref);
        return next;
    }
}
