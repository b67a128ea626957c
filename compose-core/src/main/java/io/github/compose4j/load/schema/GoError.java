package io.github.compose4j.load.schema;

import java.util.Map;

/**
 * One error as gojsonschema reports it: its kind, where in the document (as a path), and the details
 * its message template is filled with.
 */
record GoError(GoErrorType type, DocPath path, Map<String, String> details) {
    GoError {
        details = Map.copyOf(details);
    }

    /** gojsonschema's {@code Field()}: the dotted path without the {@code (root).} prefix. */
    String field() {
        return path.field();
    }

    /** The message template filled with the details (and the field). */
    String description() {
        String template = type.template();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            sb.append(template, i, open);
            String name = template.substring(open + 1, close);
            sb.append(name.equals("field") ? field() : details.getOrDefault(name, "<no value>"));
            i = close + 1;
        }
        return sb.toString();
    }
}
