package io.github.compose4j.load.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A position in the validated document, as a persistent list of keys and indexes (like gojsonschema's
 * context): cheap to extend while walking, turned into text only for the errors.
 */
final class DocPath {
    static final DocPath ROOT = new DocPath(null, "(root)");

    private final DocPath parent;
    private final String head;

    private DocPath(DocPath parent, String head) {
        this.parent = parent;
        this.head = head;
    }

    DocPath child(String key) {
        return new DocPath(this, key);
    }

    DocPath child(int index) {
        return new DocPath(this, Integer.toString(index));
    }

    /** The keys and indexes from the root, the root itself excluded. */
    List<String> segments() {
        List<String> out = new ArrayList<>();
        for (DocPath p = this; p.parent != null; p = p.parent) {
            out.add(p.head);
        }
        Collections.reverse(out);
        return out;
    }

    /** {@code (root)} for the root, else the keys joined with dots ({@code services.app.image}). */
    String field() {
        if (parent == null) {
            return head;
        }
        return String.join(".", segments());
    }

    @Override
    public String toString() {
        return field();
    }
}
