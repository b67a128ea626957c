package io.github.compose4j.model.codec;

import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.Project;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents {@code config} prints for a project: the JSON form (top-level keys sorted, empty
 * resource sections left out, {@code x-*} extensions at the top) and the YAML form. Secret contents
 * are never printed; a config's content read from the environment is not printed either.
 */
public final class ProjectDocuments {
    private ProjectDocuments() {
    }

    /** The project as {@code config --format json} prints it (before {@code $} escaping). */
    public static String json(Project p) {
        return GoJson.indented(jsonMap(p));
    }

    /** The project as {@code config} prints it in YAML (before {@code $} escaping). */
    public static String yaml(Project p) {
        return GoYaml.dump(GoYaml.project(p, secrets(p.secrets()), configs(p.configs())));
    }

    private static Map<String, Object> jsonMap(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("services", p.services());
        if (!p.networks().isEmpty()) {
            m.put("networks", p.networks());
        }
        if (!p.volumes().isEmpty()) {
            m.put("volumes", p.volumes());
        }
        if (!p.secrets().isEmpty()) {
            m.put("secrets", secrets(p.secrets()));
        }
        if (!p.configs().isEmpty()) {
            m.put("configs", configs(p.configs()));
        }
        m.putAll(p.extensions().values());
        return m;
    }

    static Map<String, FileObject> secrets(Map<String, FileObject> secrets) {
        Map<String, FileObject> out = new LinkedHashMap<>();
        secrets.forEach((k, v) -> out.put(k, v.content().isEmpty() ? v : RecordShape.with(v, "content", "")));
        return out;
    }

    static Map<String, FileObject> configs(Map<String, FileObject> configs) {
        Map<String, FileObject> out = new LinkedHashMap<>();
        configs.forEach((k, v) -> out.put(k, v.environment().isEmpty() ? v : RecordShape.with(v, "content", "")));
        return out;
    }
}
