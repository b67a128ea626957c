package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import java.util.List;

/** go-yaml's decoding of scalars, as values and as mapping keys, with its error wording. */
final class ScalarDecoder {
    /** A key go-yaml leaves out of the mapping. */
    static final Object SKIP = new Object();

    private final String file;

    ScalarDecoder(String file) {
        this.file = file;
    }

    /** A merge source key decoded into a map[string]interface{}: its text, or nothing for a null key. */
    Object mergedKey(RawNode k, List<String> typeErrors) {
        RawNode d = k.deref();
        if (d.kind != RawNode.SCALAR) {
            String tag = d.tag != null ? d.tag : d.kind == RawNode.MAP ? GoScalars.MAP : GoScalars.SEQ;
            String shown = tag.equals(GoScalars.MAP) || tag.equals(GoScalars.SEQ) ? "" : " ``";
            if (typeErrors.size() < TreeBuilder.MAX_REPORTED_ERRORS) {
                typeErrors.add(d.mark(file).prefix("yaml: cannot unmarshal " + tag + shown + " into string"));
            }
            return SKIP;
        }
        if (d.indicatedString() || (d.tag == null && GoScalars.isPlainString(d.value))) {
            return d.value;
        }
        GoScalars.Resolved r = resolved(d);
        if (r.tag().equals(GoScalars.BINARY)) {
            return binary(d);
        }
        return r.value() == null && r.tag().equals(GoScalars.NULL) ? SKIP : d.value;
    }

    /** A key decoded into interface{}: any scalar type; a collection is refused as go-yaml does. */
    Object typedKey(RawNode k) {
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

    /** A scalar's value in the tree: String, Long, Double, Boolean or null. */
    Object value(RawNode n) {
        if (n.tag == null && (!n.plain || GoScalars.isPlainString(n.value))) {
            return n.value;
        }
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

    private ComposeException fail(RawNode at, String message) {
        return ComposeException.invalid(at.mark(file).prefix(message));
    }
}
