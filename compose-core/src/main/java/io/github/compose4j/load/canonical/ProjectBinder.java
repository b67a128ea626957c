package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.model.Extensions;
import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.Volume;
import io.github.compose4j.model.codec.RecordShape;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds the canonical tree of a whole project to a {@link Project}. */
public final class ProjectBinder {
    private ProjectBinder() {
    }

    public static Project bind(MapNode dict, String name, Path workingDir, List<String> composeFiles,
                               Map<String, String> environment) {
        Map<String, Service> services = new LinkedHashMap<>();
        if (dict.get("services") instanceof MapNode svcs) {
            for (Map.Entry<String, Node> e : svcs.entries().entrySet()) {
                services.put(e.getKey(), service(e.getKey(), e.getValue()));
            }
        }
        Map<String, Network> networks = resources(dict.get("networks"), Network.class, "networks");
        Map<String, Volume> volumes = resources(dict.get("volumes"), Volume.class, "volumes");
        Map<String, FileObject> secrets = fileObjects(dict.get("secrets"), "secrets");
        Map<String, FileObject> configs = fileObjects(dict.get("configs"), "configs");
        Map<String, Object> ext = new LinkedHashMap<>();
        dict.entries().forEach((k, v) -> {
            if (k.startsWith("x-")) {
                ext.put(k, Nodes.toPlain(v));
            }
        });
        return new Project(name, Collections.unmodifiableMap(services), networks, volumes, secrets, configs,
                ext.isEmpty() ? Extensions.NONE : new Extensions(ext), workingDir, List.copyOf(composeFiles),
                Map.copyOf(environment), Map.of(), List.of());
    }

    /** Binds one service definition; a null definition is a service with no attributes. */
    public static Service service(String name, Node node) {
        return (Service) ModelBinder.record(node instanceof MapNode m ? m : null, Service.class, "services[" + name + "]",
                "name", name);
    }

    private static <T extends Record> Map<String, T> resources(Node node, Class<T> type, String kind) {
        if (!(node instanceof MapNode m)) {
            return Map.of();
        }
        Map<String, T> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, v instanceof MapNode vm
                ? ModelBinder.bind(vm, type, kind + "[" + k + "]") : ModelBinder.zero(type)));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, FileObject> fileObjects(Node node, String kind) {
        if (!(node instanceof MapNode m)) {
            return Map.of();
        }
        Map<String, FileObject> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> {
            FileObject o = v instanceof MapNode vm
                    ? ModelBinder.bind(vm, FileObject.class, kind + "[" + k + "]") : ModelBinder.zero(FileObject.class);
            // A secret read from the environment carries its value under a private key.
            if (v instanceof MapNode vm && vm.get("x-#value") instanceof ScalarNode s && s.value() instanceof String str) {
                o = RecordShape.with(o, "content", str);
            }
            out.put(k, o);
        });
        return Collections.unmodifiableMap(out);
    }
}
