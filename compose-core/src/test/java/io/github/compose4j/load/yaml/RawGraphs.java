package io.github.compose4j.load.yaml;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: the graphs both parsers build, written out as text so they can be compared. */
final class RawGraphs {
    private RawGraphs() {
    }

    /** The fast parser's graphs, or null when it gives the text to the general parser. */
    static String fast(String yaml) {
        List<RawNode> roots = SubsetParser.parse(Yaml.FILE, yaml, YamlLimits.DEFAULT);
        return roots == null ? null : dump(roots);
    }

    /** The general parser's graphs; throws its error. */
    static String general(String yaml) {
        RawComposer composer = new RawComposer(Yaml.FILE, yaml, YamlLimits.DEFAULT);
        List<RawNode> roots = new ArrayList<>();
        for (RawNode root = composer.nextDocument(); root != null; root = composer.nextDocument()) {
            roots.add(root);
        }
        return dump(roots);
    }

    static String dump(List<RawNode> roots) {
        StringBuilder sb = new StringBuilder();
        Map<RawNode, Integer> ids = new IdentityHashMap<>();
        for (RawNode root : roots) {
            sb.append("---\n");
            dump(root, 0, sb, ids);
        }
        return sb.toString();
    }

    private static void dump(RawNode n, int level, StringBuilder sb, Map<RawNode, Integer> ids) {
        sb.append("  ".repeat(level)).append(n.line).append(':').append(n.column).append(' ');
        switch (n.kind) {
            case RawNode.ALIAS -> sb.append("*").append(n.value).append(" -> #").append(ids.get(n.target));
            case RawNode.MAP -> sb.append("{}");
            case RawNode.SEQ -> sb.append("[]");
            default -> sb.append(n.plain ? "plain " : "styled ").append(quote(n.value));
        }
        if (n.tag != null) {
            sb.append(" tag=").append(n.tag);
        }
        if (n.kind != RawNode.ALIAS) {
            int id = ids.size();
            ids.put(n, id);
            sb.append(" #").append(id);
        }
        sb.append(" h=").append(n.height).append(n.hasResetChild ? " reset" : "").append('\n');
        for (RawNode c : n.children) {
            dump(c, level + 1, sb, ids);
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
