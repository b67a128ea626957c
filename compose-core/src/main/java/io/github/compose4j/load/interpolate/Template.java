package io.github.compose4j.load.interpolate;

import io.github.compose4j.load.interpolate.DollarScanner.Match;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compose's variable substitution in one string, quirks included: a default, alternate or message
 * is substituted even when unused (so its warnings and errors happen anyway), an invalid
 * {@code ${} found after a nested substitution is reported with only the text after it, and a
 * failing string is still scanned to its end (so later warnings are still emitted).
 */
public final class Template {
    /**
     * Nesting of substitutions inside defaults beyond which a template is rejected as invalid. Compose
     * has no limit; ours keeps deeply nested input from exhausting the stack.
     */
    static final int MAX_DEPTH = 500;

    private Template() {
    }

    /** Substitutes every variable of {@code template}; warnings are dropped. */
    public static String substitute(String template, Lookup lookup) {
        return substitute(template, lookup, Warnings.ignore());
    }

    /**
     * Substitutes every variable of {@code template}.
     *
     * @throws TemplateException.Invalid for a malformed {@code ${...}}
     * @throws TemplateException.MissingRequired for a required variable without a value
     */
    public static String substitute(String template, Lookup lookup, Warnings warnings) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        return new Substitution(lookup, warnings).run(template);
    }

    /**
     * The variables referenced by string values of the tree, for {@code config --variables}. Like
     * Compose, it looks into every mapping value but only at the string items of a sequence, never
     * at mapping keys. When a name occurs several times, the last occurrence wins.
     */
    public static Map<String, Variable> extractVariables(Node root) {
        Map<String, Variable> out = new LinkedHashMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, Map<String, Variable> out) {
        if (node instanceof ScalarNode scalar) {
            addVariables(scalar, out);
        } else if (node instanceof MapNode map) {
            for (Node value : map.entries().values()) {
                collect(value, out);
            }
        } else if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                if (item instanceof ScalarNode scalar) {
                    addVariables(scalar, out);
                }
            }
        }
    }

    private static void addVariables(ScalarNode scalar, Map<String, Variable> out) {
        if (scalar.value() instanceof String s && s.indexOf('$') >= 0) {
            for (Variable v : variablesOf(s)) {
                out.put(v.name(), v);
            }
        }
    }

    /** The variables of one string, in Compose's order (later ones win in the map). */
    static List<Variable> variablesOf(String s) {
        return variablesOf(s, 0);
    }

    /**
     * Compose lists the variables after a match's first balanced brace before the match's own
     * variable; since that "rest" always ends where the match ends, we defer such variables on a
     * stack until the scan passes that end, instead of recursing.
     */
    private static List<Variable> variablesOf(String s, int depth) {
        List<Variable> values = new ArrayList<>();
        Deque<List<Variable>> deferred = new ArrayDeque<>();
        int deferredUntil = -1;
        DollarScanner scanner = new DollarScanner(s);
        for (Match m = scanner.find(0); m != null; m = scanner.find(m.end())) {
            if (deferredUntil >= 0 && m.start() >= deferredUntil) {
                while (!deferred.isEmpty()) {
                    values.addAll(deferred.pop());
                }
                deferredUntil = -1;
            }
            if (m.kind() == DollarScanner.Kind.ESCAPED) {
                continue;
            }
            if (m.kind() == DollarScanner.Kind.NAMED) {
                values.addAll(describe(m.group(s), depth));
                continue;
            }
            int close = DollarScanner.firstBraceClosingIndex(s, m.start(), m.end());
            if (close > m.start()) {
                deferred.push(describe(s.substring(m.start() + 2, close), depth));
                deferredUntil = m.end();
                // The rest after the first balanced brace is scanned as if it were its own string.
                m = new Match(m.kind(), m.start(), m.start(), m.start(), close + 1, null);
            } else {
                values.addAll(describe(m.group(s), depth));
            }
        }
        while (!deferred.isEmpty()) {
            values.addAll(deferred.pop());
        }
        return values;
    }

    private static List<Variable> describe(String val, int depth) {
        int i = 0;
        while (i < val.length() && isAsciiNameChar(val.charAt(i))) {
            i++;
        }
        String name = val;
        String defaultValue = "";
        String presenceValue = "";
        boolean required = false;
        if (i > 0 && i < val.length()) {
            name = val.substring(0, i);
            String rest = val.substring(i);
            if (rest.startsWith(":?") || rest.startsWith("?")) {
                required = true;
            } else if (rest.startsWith(":-")) {
                defaultValue = rest.substring(2);
            } else if (rest.startsWith("-")) {
                defaultValue = rest.substring(1);
            } else if (rest.startsWith(":+")) {
                presenceValue = rest.substring(2);
            } else if (rest.startsWith("+")) {
                presenceValue = rest.substring(1);
            }
        }
        List<Variable> values = new ArrayList<>();
        values.add(new Variable(name, defaultValue, presenceValue, required));
        // Deeper nesting than this is not listed (Compose has no limit, but no real file gets near it).
        if (depth < MAX_DEPTH) {
            if (!defaultValue.isEmpty()) {
                values.addAll(variablesOf(defaultValue, depth + 1));
            }
            if (!presenceValue.isEmpty()) {
                values.addAll(variablesOf(presenceValue, depth + 1));
            }
        }
        return values;
    }

    private static boolean isAsciiNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** One substitution run: a lookup and a warning sink shared by all nested substitutions. */
    private record Substitution(Lookup lookup, Warnings warnings) {
        String run(String template) {
            return run(template, 0);
        }

        /**
         * Compose substitutes the text after a match's first balanced brace (its "rest") recursively,
         * as a string of its own. The rest always ends where the match ends, so we continue the scan
         * in place instead, only remembering the rest's bounds: an invalid template found there is
         * reported with the rest as its text, like Compose does.
         */
        private String run(String template, int depth) {
            if (depth > MAX_DEPTH) {
                throw new TemplateException.Invalid(template);
            }
            DollarScanner scanner = new DollarScanner(template);
            StringBuilder out = null;
            TemplateException first = null;
            int copied = 0;
            int restStart = 0;
            int restEnd = -1;
            for (Match m = scanner.find(0); m != null; m = scanner.find(copied)) {
                if (restEnd >= 0 && m.start() >= restEnd) {
                    restEnd = -1;
                }
                if (out == null) {
                    out = new StringBuilder(template.length() + 16);
                }
                out.append(template, copied, m.start());
                copied = m.end();
                try {
                    switch (m.kind()) {
                        case ESCAPED -> out.append('$');
                        case NAMED -> out.append(valueOf(m.group(template)));
                        case INVALID -> throw new TemplateException.Invalid(
                                restEnd >= 0 ? template.substring(restStart, restEnd) : template);
                        case BRACED -> {
                            if (m.op() == null) {
                                out.append(valueOf(m.group(template)));
                            } else {
                                int close = DollarScanner.firstBraceClosingIndex(template, m.start(), m.end());
                                String substitution = template.substring(m.groupStart(),
                                        close >= 0 ? close : m.groupEnd());
                                out.append(applyOperator(m.op(), substitution, depth));
                                if (close >= 0) {
                                    copied = close + 1;
                                    restStart = close + 1;
                                    restEnd = m.end();
                                }
                            }
                        }
                    }
                } catch (TemplateException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            if (out == null) {
                return template;
            }
            return out.append(template, copied, template.length()).toString();
        }

        private String valueOf(String name) {
            Optional<String> value = lookup.get(name);
            if (value.isEmpty()) {
                warnings.warn("The " + GoQuote.quote(name) + " variable is not set. Defaulting to a blank string.");
            }
            return value.orElse("");
        }

        /** Applies {@code ${name<op>argument}}; the argument is substituted even when unused, as in Compose. */
        private String applyOperator(String operator, String substitution, int depth) {
            int at = substitution.indexOf(operator);
            String name = substitution.substring(0, at);
            String argument = run(substitution.substring(at + operator.length()), depth + 1);
            Optional<String> value = lookup.get(name);
            boolean colon = operator.length() == 2;
            boolean usable = value.isPresent() && !(colon && value.get().isEmpty());
            switch (operator.charAt(operator.length() - 1)) {
                case '?':
                    if (!usable) {
                        throw new TemplateException.MissingRequired(name, argument);
                    }
                    return value.get();
                case '-':
                    return usable ? value.get() : argument;
                default:
                    return usable ? argument : value.orElse("");
            }
        }
    }
}
