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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final int MAX_REPORTED_ERRORS = 50;
    private static final Object SKIP = new Object();
    private static final int MAX_CHECKED_DEPTH = 32;
    private static final int MAX_CHECKED_CHARS = 256;

    private static final byte NORMAL = 0;
    private static final byte HIDDEN = 1;
    private static final byte RECORDED = 2;

    private final String file;
    private final YamlLimits limits;
    private long produced;
    private long fromAliases;
    private int aliasDepth;
    private Object[] path = new Object[32];
    private int pathLen;
    private final List<String> typeErrors = new ArrayList<>();
    private final AliasPaths aliasPaths = new AliasPaths();
    private int pathChars;
    private int[] pathSegmentChars = new int[32];
    private String nonStringKey;

    TreeBuilder(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** One document's tree; the root must decode to a mapping. */
    MapNode document(RawNode root) {
        typeErrors.clear();
        nonStringKey = null;
        aliasPaths.clear();
        pathLen = 0;
        pathChars = 0;
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
                checkDepth(n, depth);
                return convertMapping(n, childActive, depth, viaAlias, tag);
            case RawNode.SEQ:
                checkDepth(n, depth);
                return convertSequence(n, childActive, depth, viaAlias, tag);
            default:
                count(n);
                return new ScalarNode(scalarValue(n), n.mark(file), tag);
        }
    }

    private Node convertAlias(RawNode alias, boolean active, int depth) {
        RawNode target = alias.target;
        visitAlias(target, alias);
        if (target.activeDepth >= 0) {
            throw cycle(target, alias);
        }
        aliasDepth++;
        try {
            return convert(target, active, depth, true);
        } finally {
            aliasDepth--;
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
        count(d);
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
            push(items.size());
            items.add(reset ? placeholder(item) : convert(item, active, depth + 1, false));
            pop();
        }
        exit(s, first);
        count(s);
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

    /** The mapping being built: go-yaml decodes merge sources straight into it. */
    private final class Target {
        final boolean stringKeys;
        final Map<Object, Slot> slots = new LinkedHashMap<>();
        /** go-yaml's mergedFields: keys merges may no longer set. */
        Set<Object> seen;
        boolean override;

        Target(boolean stringKeys) {
            this.stringKeys = stringKeys;
        }

        Slot slot(Object key, RawNode keyNode) {
            Slot s = slots.get(key);
            if (s == null) {
                s = new Slot(key, keyNode.mark(file));
                slots.put(key, s);
            }
            return s;
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
            if (hasDuplicates(m, states)) {
                count(m);
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
                Object key = st == RECORDED || t.stringKeys ? k.deref().value : typedKey(k);
                push(key);
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
                pop();
            }
            if (merge != null) {
                t.seen = new HashSet<>();
                t.seen.add("<<"); // go-yaml decodes the merge key itself into its mergedFields
                for (Slot s : t.slots.values()) {
                    if (s.value != null) {
                        t.seen.add(s.key);
                    }
                }
                mergeValue(merge, t, active, depth);
            }
            Tag own = tag == Tag.NONE && t.override ? Tag.OVERRIDE : tag;
            count(m);
            return build(m, t, own);
        } finally {
            exit(m, first);
        }
    }

    /** The common case: string keys, no merge key, no reset entry. */
    private MapNode plainMapping(RawNode m, boolean active, int depth, Tag tag) {
        List<RawNode> c = m.children;
        MapNode.Builder b = MapNode.builder(m.mark(file)).tag(tag);
        for (int i = 0; i < c.size(); i += 2) {
            RawNode k = c.get(i);
            String key = k.deref().value;
            push(key);
            Node value = convert(c.get(i + 1), active, depth + 1, false);
            pop();
            b.put(key, k.mark(file), value);
        }
        count(m);
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
        MapNode.Builder b = MapNode.builder(m.mark(file)).tag(tag);
        for (Slot s : t.slots.values()) {
            Node out = s.value;
            if (out == null) {
                out = s.reset;
            } else if (s.recorded && out.tag() == Tag.NONE) {
                out = out.withTag(Tag.OVERRIDE);
            }
            if (s.key instanceof String key) {
                b.put(key, s.keyMark, out);
            } else if (nonStringKey == null) {
                String where = pathLen == 0 ? "at top level" : "in " + keyPath();
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
        boolean atRoot = pathLen == 0;
        if (atRoot) {
            push(ROOT_MERGE);
        }
        if (value.kind == RawNode.ALIAS) {
            visitAlias(value.target, value);
        } else if (value.kind == RawNode.SEQ) {
            int index = 0;
            for (RawNode item : value.children) {
                push(new MergeIndex(index++));
                if (item.kind == RawNode.ALIAS) {
                    visitAlias(item.target, item);
                }
                pop();
            }
        }
        if (atRoot) {
            pop();
        }
    }

    private void mergeValue(RawNode value, Target t, boolean active, int depth) {
        // compose-go drops "<<" from the paths of merged values, except at the top level.
        boolean atRoot = pathLen == 0;
        if (atRoot) {
            push(ROOT_MERGE);
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
                    push(new MergeIndex(index++));
                    if (di.kind != RawNode.MAP) {
                        throw wantMap(item);
                    }
                    mergeSource(di, t, false, depth, item.kind == RawNode.ALIAS);
                    pop();
                }
                break;
            default:
                throw wantMap(value);
        }
        if (atRoot) {
            pop();
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
            aliasDepth++;
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
                charge(k); // merging costs work even when nothing is added
                Object key = st == RECORDED ? k.deref().value : t.stringKeys ? mergedKey(k) : typedKey(k);
                if (key == SKIP) {
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
                if (!t.seen.add(key)) {
                    if (active && v.deref().isTagged(OVERRIDE)) {
                        t.slot(key, k).recorded = true;
                    }
                    continue;
                }
                push(key);
                Slot slot = t.slot(key, k);
                slot.keyMark = k.mark(file);
                slot.value = convert(v, active, depth + 1, false);
                pop();
            }
            if (nested != null) {
                mergeValue(nested, t, active, depth);
            }
        } finally {
            exit(src, first);
            if (viaAlias) {
                aliasDepth--;
            }
        }
    }

    /** A merge source key decoded into a map[string]interface{}: its text, or nothing for a null key. */
    private Object mergedKey(RawNode k) {
        RawNode d = k.deref();
        if (d.kind != RawNode.SCALAR) {
            String tag = d.tag != null ? d.tag : d.kind == RawNode.MAP ? GoScalars.MAP : GoScalars.SEQ;
            String shown = tag.equals(GoScalars.MAP) || tag.equals(GoScalars.SEQ) ? "" : " ``";
            if (typeErrors.size() < MAX_REPORTED_ERRORS) {
                typeErrors.add(d.mark(file).prefix("yaml: cannot unmarshal " + tag + shown + " into string"));
            }
            return SKIP;
        }
        if (d.indicatedString()) {
            return d.value;
        }
        GoScalars.Resolved r = resolved(d);
        if (r.tag().equals(GoScalars.BINARY)) {
            return binary(d);
        }
        return r.value() == null && r.tag().equals(GoScalars.NULL) ? SKIP : d.value;
    }

    /** A key decoded into interface{}: any scalar type; a collection is refused as go-yaml does. */
    private Object typedKey(RawNode k) {
        RawNode d = k.deref();
        if (d.kind != RawNode.SCALAR) {
            throw fail(d, "yaml: invalid map key: " + goValueOf(d, 0));
        }
        if (d.indicatedString()) {
            return d.value;
        }
        GoScalars.Resolved r = resolved(d);
        return r.tag().equals(GoScalars.BINARY) ? binary(d) : r.value();
    }

    /** Go's %#v of a decoded collection, for the "invalid map key" message. */
    private String goValueOf(RawNode n, int level) {
        RawNode d = n.deref();
        if (level > 8 || d.activeDepth >= 0) {
            return "...";
        }
        if (d.kind == RawNode.SCALAR) {
            return GoScalars.goSharpV(d.indicatedString() ? d.value : typedKey(d));
        }
        StringBuilder sb = new StringBuilder(d.kind == RawNode.SEQ ? "[]interface {}{" : "map[string]interface {}{");
        List<RawNode> c = d.children;
        int step = d.kind == RawNode.SEQ ? 1 : 2;
        for (int i = 0; i < c.size(); i += step) {
            if (i > 0) {
                sb.append(", ");
            }
            if (step == 2) {
                sb.append(goValueOf(c.get(i), level + 1)).append(':');
                sb.append(goValueOf(c.get(i + 1), level + 1));
            } else {
                sb.append(goValueOf(c.get(i), level + 1));
            }
        }
        return sb.append('}').toString();
    }

    // ---- scalars ----

    private Object scalarValue(RawNode n) {
        if (n.indicatedString()) {
            return n.value;
        }
        GoScalars.Resolved r = resolved(n);
        Object v = r.value();
        if (r.tag().equals(GoScalars.BINARY)) {
            return binary(n);
        }
        if (v instanceof GoScalars.GoUint u) {
            return u.decimal(); // uint64 beyond long: its decimal text is what fmt.Sprint gives
        }
        if (v instanceof GoTimestamp ts) {
            return ts.goText(); // time.Time as fmt.Sprint shows it
        }
        return v;
    }

    private GoScalars.Resolved resolved(RawNode n) {
        try {
            return n.resolved();
        } catch (GoScalars.GoYamlError e) {
            throw fail(n, "yaml: " + e.getMessage());
        }
    }

    private String binary(RawNode n) {
        try {
            return GoScalars.decodeBinary(n.value);
        } catch (GoScalars.GoYamlError e) {
            throw fail(n, "yaml: " + e.getMessage());
        }
    }

    // ---- bookkeeping ----

    /** A path segment compose-go has for the top-level merge key (it only strips ".<<"). */
    private static final Object ROOT_MERGE = new Object();

    /** A path segment compose-go has for an item of a merge list. */
    private record MergeIndex(int index) {
    }

    /** compose-go's path check on an alias visit, for paths of a size Compose files have. */
    private void visitAlias(RawNode target, RawNode at) {
        if (pathLen > MAX_CHECKED_DEPTH || pathChars > MAX_CHECKED_CHARS) {
            return;
        }
        String p = dotted(0, pathLen);
        if (p.contains("<<")) {
            return; // compose-go takes such paths for legitimate merging
        }
        String other = aliasPaths.visit(target, p);
        if (other != null) {
            throw fail(at, "cycle detected: node at path " + p + " references node at path " + other);
        }
    }

    private void enter(RawNode n, boolean viaAlias) {
        n.activeDepth = pathLen;
        n.enteredViaAlias = viaAlias;
    }

    private static void exit(RawNode n, boolean strip) {
        n.activeDepth = -1;
        if (strip) {
            n.stripped = true;
        }
    }

    private void push(Object segment) {
        if (pathLen == path.length) {
            path = Arrays.copyOf(path, pathLen * 2);
            pathSegmentChars = Arrays.copyOf(pathSegmentChars, pathLen * 2);
        }
        int chars = segment instanceof String s ? s.length() + 1 : 8;
        pathSegmentChars[pathLen] = chars;
        pathChars += chars;
        path[pathLen++] = segment;
    }

    private void pop() {
        path[--pathLen] = null;
        pathChars -= pathSegmentChars[pathLen];
    }

    private void count(RawNode n) {
        if (++produced > limits.maxNodes()) {
            throw fail(n, "yaml: the file expands to more than " + limits.maxNodes()
                    + " nodes, the most this loader accepts");
        }
        if (aliasDepth > 0 && ++fromAliases > limits.maxAliasExpansions()) {
            throw fail(n, "yaml: aliases expand to more than " + limits.maxAliasExpansions()
                    + " nodes; refusing the file (\"billion laughs\" protection)");
        }
    }

    /** Counts work done through an alias that produces no node. */
    private void charge(RawNode n) {
        if (aliasDepth > 0 && ++fromAliases > limits.maxAliasExpansions()) {
            throw fail(n, "yaml: aliases expand to more than " + limits.maxAliasExpansions()
                    + " nodes; refusing the file (\"billion laughs\" protection)");
        }
    }

    private void checkDepth(RawNode n, int depth) {
        if (depth > limits.maxDepth()) {
            throw fail(n, "yaml: the document is nested more than " + limits.maxDepth()
                    + " levels deep once aliases are expanded");
        }
    }

    /** compose-go's cycle message, with the paths its reset pass would be at when it notices. */
    private ComposeException cycle(RawNode target, RawNode at) {
        String current = dotted(0, pathLen);
        String message;
        if (target.enteredViaAlias) {
            message = "cycle detected: node at path " + current + " references node at path "
                    + dotted(0, target.activeDepth);
        } else {
            String again = dotted(target.activeDepth, pathLen);
            String deeper = current.isEmpty() ? again : again.isEmpty() ? current : current + "." + again;
            message = "cycle detected: node at path " + deeper + " references node at path " + current;
        }
        return fail(at, message);
    }

    private String dotted(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(segment(path[i]));
        }
        return sb.toString();
    }

    /** compose-go's key prefix: keys joined by dots, list indexes in brackets. */
    private String keyPath() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pathLen; i++) {
            Object p = path[i];
            if (p == ROOT_MERGE || p instanceof MergeIndex) {
                continue; // merged keys belong to the mapping itself
            }
            if (p instanceof Integer idx) {
                sb.append('[').append(idx).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(segment(p));
            }
        }
        return sb.toString();
    }

    private static String segment(Object p) {
        if (p instanceof String s) {
            return s;
        }
        if (p == ROOT_MERGE) {
            return "<<";
        }
        if (p instanceof MergeIndex m) {
            return Integer.toString(m.index());
        }
        return GoScalars.goV(p);
    }

    private ComposeException fail(RawNode at, String message) {
        return ComposeException.invalid(at.mark(file).prefix(message));
    }
}
