package io.github.compose4j.load.source;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.yaml.YamlParser;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed documents of compose files, each file parsed once per load even though both the
 * project-name lookup and the loader read them, and a file several services extend is read once.
 * Not thread-safe: one per load.
 */
public final class Documents {
    private final YamlParser parser;
    private final Map<ConfigFile, List<MapNode>> parsed = new IdentityHashMap<>();
    private final Map<String, ConfigFile> read = new java.util.HashMap<>();

    public Documents(YamlParser parser) {
        this.parser = parser;
    }

    /** A file read once per load (a file many services extend is read and parsed once). */
    public ConfigFile read(String absolutePath) {
        ConfigFile f = read.get(absolutePath);
        if (f == null) {
            f = Sources.read(absolutePath);
            read.put(absolutePath, f);
        }
        return f;
    }

    public List<MapNode> of(ConfigFile file) {
        List<MapNode> docs = parsed.get(file);
        if (docs == null) {
            docs = parser.parse(file.name(), file.content());
            parsed.put(file, docs);
        }
        return docs;
    }
}
