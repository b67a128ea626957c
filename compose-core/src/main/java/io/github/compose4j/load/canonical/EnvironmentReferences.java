package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values taken from the environment by name: {@code environment: [VAR]} entries, and secrets or
 * configs declared with {@code environment: VAR}.
 */
public final class EnvironmentReferences {
    /** Where a secret's value read from the environment is carried until binding. */
    public static final String SECRET_VALUE_KEY = "x-#value";

    private EnvironmentReferences() {
    }

    public static MapNode resolve(MapNode root, Map<String, String> env) {
        return root.mapValues((key, v) -> switch (key) {
            case "services" -> v instanceof MapNode m ? m.mapValues((n, s) -> service(s, env)) : v;
            case "secrets" -> v instanceof MapNode m ? m.mapValues((n, s) -> fromEnv(s, env, SECRET_VALUE_KEY)) : v;
            case "configs" -> v instanceof MapNode m ? m.mapValues((n, s) -> fromEnv(s, env, "content")) : v;
            default -> v;
        });
    }

    private static Node service(Node s, Map<String, String> env) {
        if (!(s instanceof MapNode service) || !(service.get("environment") instanceof SeqNode list)) {
            return s;
        }
        List<Node> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof ScalarNode sc && sc.value() instanceof String var) {
                out.add(env.containsKey(var) ? sc.withValue(var + "=" + env.get(var)) : item);
            }
        }
        return service.with("environment", new SeqNode(out, list.mark(), list.tag()));
    }

    private static Node fromEnv(Node o, Map<String, String> env, String target) {
        if (o instanceof MapNode m && m.get("environment") instanceof ScalarNode s && s.value() instanceof String var
                && env.containsKey(var)) {
            return m.with(target, new ScalarNode(env.get(var), s.mark()));
        }
        return o;
    }
}
