package io.github.compose4j.config;

import io.github.compose4j.load.interpolate.Template;
import io.github.compose4j.load.interpolate.Variable;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.GoJson;
import io.github.compose4j.model.codec.GoYaml;
import io.github.compose4j.model.codec.ProjectDocuments;
import io.github.compose4j.observe.ConfigHash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What {@code compose config} prints, in each of its modes. */
public final class ConfigViews {
    private ConfigViews() {
    }

    /** The resolved project in JSON or YAML, with every {@code $} written {@code $$} as Compose does. */
    public static String project(Project p, String format) {
        String text = format.equals("json") ? ProjectDocuments.json(p) : ProjectDocuments.yaml(p);
        return text.replace("$", "$$");
    }

    /** The model tree as loaded without interpolation ({@code --no-interpolate}): keys sorted, no escaping. */
    public static String model(MapNode model, String format) {
        Object plain = Nodes.toPlain(model);
        return format.equals("json") ? GoJson.indented(plain) : GoYaml.dump(GoYaml.plain(plain));
    }

    public static List<String> services(Project p) {
        return new ArrayList<>(new TreeSet<>(p.services().keySet()));
    }

    public static List<String> volumes(Project p) {
        return new ArrayList<>(new TreeSet<>(p.volumes().keySet()));
    }

    /** {@code name hash} lines for the given services ({@code *}: all), sorted by name. */
    public static List<String> hashes(Project p, String selection) {
        List<String> names = new ArrayList<>();
        if (selection.equals("*")) {
            names.addAll(p.services().keySet());
        } else {
            names.addAll(List.of(selection.split(",", -1)));
        }
        names.sort(null);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            Service s = p.services().get(n);
            if (s == null) {
                throw new io.github.compose4j.error.ComposeException(io.github.compose4j.error.Failure.GENERAL,
                        "no such service: " + n);
            }
            out.add(n + " " + ConfigHash.of(s));
        }
        return out;
    }

    public static List<String> profiles(Project p) {
        TreeSet<String> set = new TreeSet<>();
        p.services().values().forEach(s -> set.addAll(s.profiles()));
        p.disabledServices().values().forEach(s -> set.addAll(s.profiles()));
        return new ArrayList<>(set);
    }

    /** The image of each service, or the name Compose gives a built image ({@code <project>-<service>}). */
    public static List<String> images(Project p) {
        List<String> out = new ArrayList<>();
        p.services().values().forEach(s -> out.add(s.image().isEmpty() ? p.name() + "-" + s.name() : s.image()));
        return out;
    }

    /** The rows of {@code config --variables}: name, required, default, alternate value. */
    public static List<List<String>> variables(MapNode model) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Variable> e : Template.extractVariables(model).entrySet()) {
            Variable v = e.getValue();
            rows.add(List.of(e.getKey(), Boolean.toString(v.required()), v.defaultValue(), v.presenceValue()));
        }
        return rows;
    }
}
