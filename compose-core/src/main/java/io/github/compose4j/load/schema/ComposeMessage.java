package io.github.compose4j.load.schema;

import java.util.List;

/**
 * Picks, among gojsonschema's errors, the one Compose reports and words it as Compose does: the error
 * with the deepest field wins (counting dot-separated parts), the first one on ties unless a later one
 * is a type error; a failed {@code oneOf}/{@code anyOf} is described by the error that follows it (the
 * first error of its closest branch); type errors read "must be a mapping", "must be a string or number".
 */
record ComposeMessage(GoError parent, GoError child) {

    static ComposeMessage select(List<GoError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors");
        }
        int best = 0;
        for (int i = 0; i < errors.size(); i++) {
            GoError candidate = errors.get(i);
            int s = specificity(candidate);
            int bestSpecificity = specificity(errors.get(best));
            if (s > bestSpecificity) {
                best = i;
            } else if (s == bestSpecificity && candidate.type() == GoErrorType.INVALID_TYPE
                    && errors.get(best).type() != GoErrorType.INVALID_TYPE) {
                best = i;
            }
        }
        GoError parent = errors.get(best);
        boolean combinator = parent.type() == GoErrorType.ONE_OF || parent.type() == GoErrorType.ANY_OF;
        if (combinator && best + 1 < errors.size()) {
            return new ComposeMessage(parent, errors.get(best + 1));
        }
        return new ComposeMessage(parent, null);
    }

    /** The error whose description is shown, so whose position the message should point at. */
    GoError described() {
        return child != null ? child : parent;
    }

    /** Compose's text: the parent's field, a space, the description. */
    String text() {
        return parent.field() + " " + description();
    }

    private String description() {
        if (parent.type() == GoErrorType.INVALID_TYPE) {
            return "must be a " + humanReadableType(parent.details().get("expected"));
        }
        return described().description();
    }

    static String humanReadableType(String definition) {
        if (definition.startsWith("[")) {
            String[] all = definition.substring(1, definition.length() - 1).split(",", -1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < all.length - 1; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(humanReadableType(all[i]));
            }
            return sb.append(" or ").append(humanReadableType(all[all.length - 1])).toString();
        }
        return switch (definition) {
            case "object" -> "mapping";
            case "array" -> "list";
            default -> definition;
        };
    }

    private static int specificity(GoError error) {
        return error.field().split("\\.", -1).length;
    }
}
