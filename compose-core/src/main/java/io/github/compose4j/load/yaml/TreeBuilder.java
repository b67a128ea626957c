package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes {@link RawNode} documents into raw trees the way Compose sees them: compose-go's reset pass
 * ({@code !reset}/{@code !override}, aliases followed with cycle detection) and go-yaml's decoding into
 * {@code interface{}} (scalar resolution, merge keys, duplicate keys), then compose-go's string-key check.
 *
 * <p>Tags: compose-go removes {@code !reset} values and records their paths; here they stay in the tree as
 * {@link Tag#RESET} nodes (with no content) for the merge stage. When go-yaml would both record a path and
 * keep a value there (a reset or override key shadowed by a merge, or a reset next to a duplicate key),
 * the kept value is tagged {@link Tag#OVERRIDE}, which has the same effect. Like compose-go, a collection's
 * {@code !reset} children are removed the first time its reset pass sees it, so aliases met later see
 * them gone.
 */
final class TreeBuilder {
    private static final String RESET = "!reset";
    private static final String OVERRIDE = "!override";
    static final int MAX_REPORTED_ERRORS = 50;
    private static final int MAX_CHECKED_DEPTH = 32;
    private static final int MAX_CHECKED_CHARS = 256;

    private static final byte NORMAL = 0;
    private static final byte HIDDEN = 1;
    private static final byte RECORDED = 2;

    private final String file;
    private final Budget budget;
    private final ScalarDecoder decoder;
    private final ConversionPath path = new ConversionPath();
    private final AliasPaths aliasPaths = new AliasPaths();
    private final List<String> typeErrors = new ArrayList<>();
    private String nonStringKey;

    TreeBuilder(String file, YamlLimits limits) {
        this.file = file;
        this.budget = new Budget(file, limits);
        this.decoder = new ScalarDecoder(file);
    }

    /** One document's tree; the root must decode to a mapping. */
    MapNode document(RawNode root) {
        typeErrors.clear();
        nonStringKey = null;
        aliasPaths.clear();
        path.clear();
        RawNode d = root.deref();
        if (d.isTagged(RESET)) {
            throw fail(d, "yaml: !reset cannot be used on the document root");
        }
        Node n = convert(root, true, 1, false);
        if (!typeErrors.isEmpty()) {
            throw ComposeException.invalid(String.join("\n", typeErrors));
        }
        if (nonStringKey != null) {
            throw ComposeException.invalid(nonStringKey);
        }
        if (!(n instanceof MapNode m)) {
            throw fail(d, "Top-level object must be a mapping");
        }
        // compose-go records a root !override at an empty path, which never matches anything.
        return m.tag() == Tag.NONE ? m : m.withTag(Tag.NONE);
    }

    private Node convert(RawNode n, boolean active, int depth, boolean viaAlias) {
        if (n.pure && budget.takeAll(n, depth)) {
            return pure(n);
        }
        if (n.kind == RawNode.ALIAS) {
            return convertAlias(n, active, depth);
        }
        Tag tag = active ? tagOf(n) : Tag.NONE;
        if (tag == Tag.RESET) {
            return placeholder(n);
        }
        // compose-go's reset pass does not look inside an !override value.
        boolean childActive = active && tag == Tag.NONE;
        switch (n.kind) {
            case RawNode.MAP:
                budget.checkDepth(n, depth);
                return convertMapping(n, childActive, depth, viaAlias, tag);
            case RawNode.SEQ:
                budget.checkDepth(n, depth);
                return convertSequence(n, childActive, depth, viaAlias, tag);
            default:
                budget.count(n);
                return new ScalarNode(decoder.value(n), n.mark(file), tag);
        }
    }

    /**
     * A pure node, converted as the general path would (no tag, no key beyond its text, nothing to
     * report); an anchored one is converted once and shared by every alias and merge that brings it.
     */
    private Node pure(RawNode n) {
        Node out = n.converted;
        if (out != null) {
            return out;
        }
        List<RawNode> c = n.children;
        switch (n.kind) {
            case RawNode.MAP: {
                MapNode.Builder b = MapNode.builder(n.mark(file), c.size() / 2);
                for (int i = 0; i < c.size(); i += 2) {
                    RawNode k = c.get(i);
                    b.addNew(k.value, k.mark(file), pure(c.get(i + 1)));
                }
                out = b.build();
                break;
            }
            case RawNode.SEQ: {
                List<Node> items = new ArrayList<>(c.size());
                for (RawNode item : c) {
                    items.add(pure(item));
                }
                out = new SeqNode(items, n.mark(file), Tag.NONE);
                break;
            }
            default:
                out = new ScalarNode(decoder.value(n), n.mark(file), Tag.NONE);
        }
        n.converted = out;
        return out;
    }

    private Node convertAlias(RawNode alias, boolean active, int depth) {
        RawNode target = alias.target;
        visitAlias(target, alias);
        if (target.activeDepth >= 0) {
            throw cycle(target, alias);
        }
        budget.enterAlias();
        try {
            return convert(target, active, depth, true);
        } finally {
            budget.exitAlias();
        }
    }

    private static Tag tagOf(RawNode n) {
        if (n.isTagged(RESET)) {
            return Tag.RESET;
        }
        return n.isTagged(OVERRIDE) ? Tag.OVERRIDE : Tag.NONE;
    }

    /** What stands for a removed {@code !reset} value: an empty node of the same kind. */
    private Node placeholder(RawNode n) {
        RawNode d = n.deref();
        budget.count(d);
        Mark mark = d.mark(file);
        return switch (d.kind) {
            case RawNode.MAP -> MapNode.builder(mark).tag(Tag.RESET).build();
            case RawNode.SEQ -> new SeqNode(List.of(), mark, Tag.RESET);
            default -> new ScalarNode(d.value.isEmpty() ? null : d.value, mark, Tag.RESET);
        };
    }

    // ---- sequences ----

    private Node convertSequence(RawNode s, boolean active, int depth, boolean viaAlias, Tag tag) {
        boolean first = active && !s.stripped;
        boolean strippedView = s.stripped;
        enter(s, viaAlias);
        List<Node> items = new ArrayList<>(s.children.size());
        for (RawNode item : s.children) {
            boolean reset = s.hasResetChild && (first || strippedView) && item.deref().isTagged(RESET);
            if (reset && strippedView) {
                continue;
            }
            path.push(items.size());
            items.add(reset ? placeholder(item) : convert(item, active, depth + 1, false));
            path.pop();
        }
        exit(s, first);
        budget.count(s);
        return new SeqNode(items, s.mark(file), tag);
    }

    // ---- mappings ----

    private static final class Slot {
        final Object key;
        Mark keyMark;
        Node value;
        Node reset;
        /** compose-go recorded a reset or override path here. */
        boolean recorded;

        Slot(Object key, Mark keyMark) {
            this.key = key;
            this.keyMark = keyMark;
        }
    }

    /** The mapping being built, slots in order: go-yaml decodes merge sources straight into it. */
    private final class Target {
        private static final int INDEX_THRESHOLD = 8;
        final boolean stringKeys;
        Slot[] slots = new Slot[8];
        int size;
        private Map<Object, Slot> index;
        boolean override;

        Target(boolean stringKeys) {
            this.stringKeys = stringKeys;
        }

        Slot find(Object key) {
            if (index != null) {
                return index.get(key);
            }
            for (int i = 0; i < size; i++) {
                if (Objects.equals(slots[i].key, key)) {
                    return slots[i];
                }
            }
            return null;
        }

        Slot slot(Object key, RawNode keyNode) {
            Slot s = find(key);
            if (s == null) {
                s = new Slot(key, keyNode.mark(file));
                if (size == slots.length) {
                    slots = Arrays.copyOf(slots, size * 2);
                }
                slots[size++] = s;
                if (index != null) {
                    index.put(key, s);
                } else if (size > INDEX_THRESHOLD) {
                    index = new HashMap<>(size * 4);
                    for (int i = 0; i < size; i++) {
                        index.put(slots[i].key, slots[i]);
                    }
                }
            }
            return s;
        }

        /**
         * go-yaml's mergedFields: whether a merge may still set the key (it may not once the mapping or an
         * earlier merge has set it, nor set "<<", which go-yaml counts as set).
         */
        boolean mergeable(Object key) {
            if ("<<".equals(key)) {
                return false;
            }
            Slot s = find(key);
            return s == null || s.value == null;
        }
    }

    private byte[] pairStates(RawNode m, boolean first) {
        List<RawNode> c = m.children;
        byte[] states = null;
        if (m.hasResetChild && (first || m.stripped)) {
            for (int i = 1; i < c.size(); i += 2) {
                if (c.get(i).deref().isTagged(RESET)) {
                    if (states == null) {
                        states = new byte[c.size() / 2];
                    }
                    states[i / 2] = m.stripped ? HIDDEN : RECORDED;
                }
            }
        }
        return states;
    }

    private static byte state(byte[] states, int pair) {
        return states == null ? NORMAL : states[pair];
    }

    private Node convertMapping(RawNode m, boolean active, int depth, boolean viaAlias, Tag tag) {
        boolean first = active && !m.stripped;
        byte[] states = pairStates(m, first);
        enter(m, viaAlias);
        try {
            if (states == null && m.textKeys) {
                return textKeyMapping(m, active, depth, tag);
            }
            if (hasDuplicates(m, states)) {
                budget.count(m);
                return MapNode.empty(m.mark(file));
            }
            List<RawNode> c = m.children;
            int pairs = c.size() / 2;
            boolean stringKeys = isStringMap(m, states);
            if (states == null && stringKeys && !hasMergeKey(m)) {
                return plainMapping(m, active, depth, tag);
            }
            Target t = new Target(stringKeys);
            RawNode merge = null;
            for (int i = 0; i < pairs; i++) {
                byte st = state(states, i);
                if (st == HIDDEN) {
                    continue;
                }
                RawNode k = c.get(2 * i);
                RawNode v = c.get(2 * i + 1);
                if (k.isMergeKey()) {
                    if (st == RECORDED) {
                        t.override = true; // the path recorded is the mapping's own
                    } else {
                        merge = v;
                        visitMergeAliases(v);
                    }
                    continue;
                }
                Object key = st == RECORDED || t.stringKeys ? k.deref().value : decoder.typedKey(k);
                path.push(key);
                Slot slot = t.slot(key, k);
                if (st == RECORDED) {
                    slot.recorded = true;
                    if (slot.reset == null) {
                        slot.reset = placeholder(v);
                    }
                } else {
                    slot.keyMark = k.mark(file);
                    slot.value = convert(v, active, depth + 1, false);
                }
                path.pop();
            }
            if (merge != null) {
                mergeValue(merge, t, active, depth);
            }
            Tag own = tag == Tag.NONE && t.override ? Tag.OVERRIDE : tag;
            budget.count(m);
            return build(m, t, own);
        } finally {
            exit(m, first);
        }
    }

    /** Keys that are all text (see {@link GraphBuilder}): no look at a key beyond its text. */
    private Node textKeyMapping(RawNode m, boolean active, int depth, Tag tag) {
        List<RawNode> c = m.children;
        int pairs = c.size() / 2;
        if (m.equalTextKeys && hasDuplicates(m, null)) {
            budget.count(m);
            return MapNode.empty(m.mark(file));
        }
        MapNode.Builder b = MapNode.builder(m.mark(file), pairs).tag(tag);
        for (int i = 0; i < c.size(); i += 2) {
            RawNode k = c.get(i);
            path.push(k.value);
            Node value = convert(c.get(i + 1), active, depth + 1, false);
            path.pop();
            b.addNew(k.value, k.mark(file), value);
        }
        budget.count(m);
        return b.build();
    }

    /** The common case: string keys, no merge key, no reset entry. */
    private MapNode plainMapping(RawNode m, boolean active, int depth, Tag tag) {
        List<RawNode> c = m.children;
        MapNode.Builder b = MapNode.builder(m.mark(file)).tag(tag);
        for (int i = 0; i < c.size(); i += 2) {
            RawNode k = c.get(i);
            String key = k.deref().value;
            path.push(key);
            Node value = convert(c.get(i + 1), active, depth + 1, false);
            path.pop();
            b.put(key, k.mark(file), value);
        }
        budget.count(m);
        return b.build();
    }

    private static boolean hasMergeKey(RawNode m) {
        List<RawNode> c = m.children;
        for (int i = 0; i < c.size(); i += 2) {
            if (c.get(i).isMergeKey()) {
                return true;
            }
        }
        return false;
    }

    private MapNode build(RawNode m, Target t, Tag tag) {
        MapNode.Builder b = MapNode.builder(m.mark(file), t.size).tag(tag);
        for (int i = 0; i < t.size; i++) {
            Slot s = t.slots[i];
            Node out = s.value;
            if (out == null) {
                out = s.reset;
            } else if (s.recorded && out.tag() == Tag.NONE) {
                out = out.withTag(Tag.OVERRIDE);
            }
            if (s.key instanceof String key) {
                b.addNew(key, s.keyMark, out); // slots have distinct keys
            } else if (nonStringKey == null) {
                String where = path.length() == 0 ? "at top level" : "in " + path.keyPath();
                nonStringKey = s.keyMark.prefix("Non-string key " + where + ": " + GoScalars.goSharpV(s.key));
            }
        }
        return b.build();
    }

    /** go-yaml decodes a mapping into map[string]interface{} only when every key is tagged !!str or !!merge. */
    private static boolean isStringMap(RawNode m, byte[] states) {
        List<RawNode> c = m.children;
        for (int i = 0; i < c.size(); i += 2) {
            if (state(states, i / 2) != NORMAL) {
                continue;
            }
            String t = c.get(i).shortTag();
            if (!t.equals(GoScalars.STR) && !t.equals(GoScalars.MERGE)) {
                return false;
            }
        }
        return true;
    }

    /** go-yaml's duplicate check: same node kind and same text, whatever they resolve to. */
    private boolean hasDuplicates(RawNode m, byte[] states) {
        List<RawNode> c = m.children;
        int pairs = c.size() / 2;
        if (pairs < 2) {
            return false;
        }
        if (!anyDuplicate(c, states, pairs)) {
            return false;
        }
        // Report as go-yaml does: for each key, every later key equal to it.
        Map<String, List<Integer>> groups = new HashMap<>();
        int[] rank = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            if (state(states, i) == NORMAL) {
                List<Integer> g = groups.computeIfAbsent(identity(c.get(2 * i)), x -> new ArrayList<>(2));
                rank[i] = g.size();
                g.add(i);
            }
        }
        for (int i = 0; i < pairs && typeErrors.size() < MAX_REPORTED_ERRORS; i++) {
            if (state(states, i) != NORMAL) {
                continue;
            }
            RawNode ki = c.get(2 * i);
            List<Integer> g = groups.get(identity(ki));
            for (int r = rank[i] + 1; r < g.size() && typeErrors.size() < MAX_REPORTED_ERRORS; r++) {
                RawNode kj = c.get(2 * g.get(r));
                typeErrors.add(kj.mark(file).prefix("yaml: mapping key " + GoScalars.quote(kj.value)
                        + " already defined at line " + ki.line));
            }
        }
        return true;
    }

    private static boolean anyDuplicate(List<RawNode> c, byte[] states, int pairs) {
        if (pairs <= 8) {
            for (int i = 0; i < pairs; i++) {
                RawNode ki = c.get(2 * i);
                for (int j = i + 1; j < pairs; j++) {
                    RawNode kj = c.get(2 * j);
                    if (ki.kind == kj.kind && ki.value.equals(kj.value) && state(states, i) == NORMAL
                            && state(states, j) == NORMAL) {
                        return true;
                    }
                }
            }
            return false;
        }
        Set<String> seen = new HashSet<>(pairs * 2);
        for (int i = 0; i < pairs; i++) {
            if (state(states, i) == NORMAL && !seen.add(identity(c.get(2 * i)))) {
                return true;
            }
        }
        return false;
    }

    private static String identity(RawNode key) {
        if (key.kind == RawNode.SCALAR && (key.value.isEmpty() || key.value.charAt(0) != 0)) {
            return key.value;
        }
        return "\u0000" + key.kind + key.value;
    }

    // ---- merge keys ----

    /** The alias visits of a merge value, done where compose-go's walk meets the merge key. */
    private void visitMergeAliases(RawNode value) {
        boolean atRoot = path.length() == 0;
        if (atRoot) {
            path.push(ConversionPath.ROOT_MERGE);
        }
        if (value.kind == RawNode.ALIAS) {
            visitAlias(value.target, value);
        } else if (value.kind == RawNode.SEQ) {
            int index = 0;
            for (RawNode item : value.children) {
                path.push(new ConversionPath.MergeIndex(index++));
                if (item.kind == RawNode.ALIAS) {
                    visitAlias(item.target, item);
                }
                path.pop();
            }
        }
        if (atRoot) {
            path.pop();
        }
    }

    private void mergeValue(RawNode value, Target t, boolean active, int depth) {
        // compose-go drops "<<" from the paths of merged values, except at the top level.
        boolean atRoot = path.length() == 0;
        if (atRoot) {
            path.push(ConversionPath.ROOT_MERGE);
        }
        RawNode d = value.deref();
        if (active && d.isTagged(OVERRIDE)) {
            t.override = true;
            active = false;
        }
        switch (value.kind) {
            case RawNode.ALIAS:
                if (d.kind != RawNode.MAP) {
                    throw wantMap(value);
                }
                mergeSource(d, t, active, depth, true);
                break;
            case RawNode.MAP:
                mergeSource(value, t, active, depth, false);
                break;
            case RawNode.SEQ:
                int index = 0;
                for (RawNode item : value.children) {
                    RawNode di = item.deref();
                    if (active && di.isTagged(RESET)) {
                        continue;
                    }
                    // compose-go's paths keep the list index here, so tags inside never reach the
                    // mapping's own keys: convert without tags.
                    path.push(new ConversionPath.MergeIndex(index++));
                    if (di.kind != RawNode.MAP) {
                        throw wantMap(item);
                    }
                    mergeSource(di, t, false, depth, item.kind == RawNode.ALIAS);
                    path.pop();
                }
                break;
            default:
                throw wantMap(value);
        }
        if (atRoot) {
            path.pop();
        }
    }

    private ComposeException wantMap(RawNode at) {
        return fail(at, "yaml: map merge requires map or sequence of maps as the value");
    }

    /** Decodes one merge source into the target, never replacing a key already set (go-yaml's rule). */
    private void mergeSource(RawNode src, Target t, boolean active, int depth, boolean viaAlias) {
        if (src.activeDepth >= 0) {
            throw cycle(src, src);
        }
        boolean first = active && !src.stripped;
        byte[] states = pairStates(src, first);
        if (viaAlias) {
            budget.enterAlias();
        }
        enter(src, viaAlias);
        try {
            if (hasDuplicates(src, states)) {
                return;
            }
            List<RawNode> c = src.children;
            RawNode nested = null;
            for (int i = 0; i < c.size() / 2; i++) {
                byte st = state(states, i);
                if (st == HIDDEN) {
                    continue;
                }
                RawNode k = c.get(2 * i);
                RawNode v = c.get(2 * i + 1);
                if (k.isMergeKey()) {
                    if (st == RECORDED) {
                        t.override = true;
                    } else {
                        nested = v;
                        visitMergeAliases(v);
                    }
                    continue;
                }
                budget.charge(k); // merging costs work even when nothing is added
                Object key = st == RECORDED ? k.deref().value
                        : t.stringKeys ? decoder.mergedKey(k, typeErrors) : decoder.typedKey(k);
                if (key == ScalarDecoder.SKIP) {
                    continue;
                }
                if (st == RECORDED) {
                    Slot slot = t.slot(key, k);
                    slot.recorded = true;
                    if (slot.reset == null) {
                        slot.reset = placeholder(v);
                    }
                    continue;
                }
                if (!t.mergeable(key)) {
                    if (active && v.deref().isTagged(OVERRIDE)) {
                        t.slot(key, k).recorded = true;
                    }
                    continue;
                }
                path.push(key);
                Slot slot = t.slot(key, k);
                slot.keyMark = k.mark(file);
                slot.value = convert(v, active, depth + 1, false);
                path.pop();
            }
            if (nested != null) {
                mergeValue(nested, t, active, depth);
            }
        } finally {
            exit(src, first);
            if (viaAlias) {
                budget.exitAlias();
            }
        }
    }

    // ---- bookkeeping ----

    /** compose-go's path check on an alias visit, for paths of a size Compose files have. */
    private void visitAlias(RawNode target, RawNode at) {
        if (path.length() > MAX_CHECKED_DEPTH || path.chars() > MAX_CHECKED_CHARS) {
            return;
        }
        String p = path.dotted();
        if (p.contains("<<")) {
            return; // compose-go takes such paths for legitimate merging
        }
        String other = aliasPaths.visit(target, p);
        if (other != null) {
            throw fail(at, "cycle detected: node at path " + p + " references node at path " + other);
        }
    }

    private void enter(RawNode n, boolean viaAlias) {
        n.activeDepth = path.length();
        n.enteredViaAlias = viaAlias;
    }

    private static void exit(RawNode n, boolean strip) {
        n.activeDepth = -1;
        if (strip) {
            n.stripped = true;
        }
    }

    /** compose-go's cycle message, with the paths its reset pass would be at when it notices. */
    private ComposeException cycle(RawNode target, RawNode at) {
        String current = path.dotted();
        String message;
        if (target.enteredViaAlias) {
            message = "cycle detected: node at path " + current + " references node at path "
                    + path.dotted(0, target.activeDepth);
        } else {
            String again = path.dotted(target.activeDepth, path.length());
            String deeper = current.isEmpty() ? again : again.isEmpty() ? current : current + "." + again;
            message = "cycle detected: node at path " + deeper + " references node at path " + current;
        }
        return fail(at, message);
    }

    private ComposeException fail(RawNode at, String message) {
        return ComposeException.invalid(at.mark(file).prefix(message));
    }
}
