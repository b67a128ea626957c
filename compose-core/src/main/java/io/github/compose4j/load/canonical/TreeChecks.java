package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.List;

/** Rules on the merged tree that the JSON schema cannot express (mutually exclusive attributes...). */
public final class TreeChecks {
    private TreeChecks() {
    }

    public static void check(MapNode root) {
        if (root.get("volumes") instanceof MapNode volumes) {
            volumes.entries().forEach((name, v) -> volume("volumes." + name, v));
        }
        if (root.get("configs") instanceof MapNode configs) {
            configs.entries().forEach((name, v) -> fileObject("configs." + name, v, List.of("file", "environment", "content")));
        }
        if (root.get("secrets") instanceof MapNode secrets) {
            secrets.entries().forEach((name, v) -> fileObject("secrets." + name, v, List.of("file", "environment")));
        }
        if (root.get("services") instanceof MapNode services) {
            services.entries().forEach((name, s) -> {
                if (s instanceof MapNode service) {
                    service(name, service);
                }
            });
        }
    }

    private static void service(String name, MapNode service) {
        String p = "services." + name;
        if (service.get("develop") instanceof MapNode develop && develop.get("watch") instanceof SeqNode watch) {
            for (Node w : watch.items()) {
                if (w instanceof MapNode trigger && trigger.get("path") instanceof ScalarNode path
                        && "".equals(path.value())) {
                    throw fail(path, p + ".develop.watch.[].path: value can't be blank");
                }
            }
        }
        if (service.get("gpus") instanceof SeqNode gpus) {
            deviceRequests(p + ".gpus", gpus);
        }
        if (service.get("deploy") instanceof MapNode deploy && deploy.get("resources") instanceof MapNode resources
                && resources.get("reservations") instanceof MapNode reservations
                && reservations.get("devices") instanceof SeqNode devices) {
            deviceRequests(p + ".deploy.resources.reservations.devices", devices);
        }
    }

    private static void deviceRequests(String p, SeqNode requests) {
        for (Node n : requests.items()) {
            if (n instanceof MapNode m && m.has("count") && m.has("device_ids")) {
                throw fail(m, p + ".[]: \"count\" and \"device_ids\" attributes are exclusive");
            }
        }
    }

    private static void volume(String p, Node v) {
        if (!(v instanceof MapNode m)) {
            return;
        }
        if (m.get("external") instanceof ScalarNode ext && Boolean.TRUE.equals(ext.value())) {
            for (String k : m.keys()) {
                if (k.equals("name") || k.equals("external") || k.startsWith("x-")) {
                    continue;
                }
                throw fail(m.get(k), p + ": conflicting parameters \"external\" and \"" + k + "\" specified");
            }
        }
    }

    private static void fileObject(String p, Node v, List<String> keys) {
        if (!(v instanceof MapNode m)) {
            return;
        }
        long count = keys.stream().filter(m::has).count();
        if (count > 1) {
            throw fail(m, p + ": " + String.join("|", keys) + " attributes are mutually exclusive");
        }
        if (count == 0 && !m.has("driver") && !m.has("external")) {
            throw fail(m, p + ": one of " + String.join("|", keys) + " must be set");
        }
    }

    private static ComposeException fail(Node at, String message) {
        return ComposeException.invalid(at.mark().prefix(message));
    }
}
