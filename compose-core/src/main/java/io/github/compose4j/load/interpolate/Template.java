package io.github.compose4j.load.interpolate;

import io.github.compose4j.load.interpolate.DollarScanner.Match;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compose's variable substitution in one string, quirks included: a default or message is
 * substituted even when unused, an operator after the name is chosen by its first position in the
 * whole match, and a bad {@code ${} fails the string while the rest of it is still processed
 * (so its warnings are still emitted).
 */
public final class Template {
    private static final String[] OPERATORS = {":?", "?", ":-", "-", ":+", "+"};

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
        List<Variable> values = new ArrayList<>();
        for (Match m = DollarScanner.find(s, 0); m != null; m = DollarScanner.find(s, m.end())) {
            if (m.kind() == DollarScanner.Kind.ESCAPED) {
                continue;
            }
            String val = m.group(s);
            if (m.kind() != DollarScanner.Kind.NAMED) {
                String matched = s.substring(m.start(), m.end());
                int close = DollarScanner.firstBraceClosingIndex(matched);
                if (close > 0) {
                    val = matched.substring(2, close);
                    values.addAll(variablesOf(matched.substring(close + 1)));
                }
            }
            values.addAll(describe(val));
        }
        return values;
    }

    private static List<Variable> describe(String val) {
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
        if (!defaultValue.isEmpty()) {
            values.addAll(variablesOf(defaultValue));
        }
        if (!presenceValue.isEmpty()) {
            values.addAll(variablesOf(presenceValue));
        }
        return values;
    }

    private static boolean isAsciiNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** One substitution run: a lookup and a warning sink shared by all nested substitutions. */
    private record Substitution(Lookup lookup, Warnings warnings) {
        String run(String template) {
            StringBuilder out = null;
            TemplateException first = null;
            int copied = 0;
            for (Match m = DollarScanner.find(template, 0); m != null; m = DollarScanner.find(template, copied)) {
                if (out == null) {
                    out = new StringBuilder(template.length() + 16);
                }
                out.append(template, copied, m.start());
                try {
                    out.append(replace(template, m));
                } catch (TemplateException e) {
                    if (first == null) {
                        first = e;
                    }
                }
                copied = m.end();
            }
            if (first != null) {
                throw first;
            }
            if (out == null) {
                return template;
            }
            return out.append(template, copied, template.length()).toString();
        }

        private String replace(String template, Match whole) {
            String sub = template.substring(whole.start(), whole.end());
            String operator = firstOperator(sub);
            String rest = "";
            int close = DollarScanner.firstBraceClosingIndex(sub);
            if (close > -1) {
                rest = sub.substring(close + 1);
                sub = sub.substring(0, close + 1);
            }
            Match m = DollarScanner.matchAt(sub, 0);
            if (m == null) {
                throw new IllegalStateException("no match in " + sub);
            }
            switch (m.kind()) {
                case ESCAPED:
                    return "$";
                case INVALID:
                    throw new TemplateException.Invalid(template);
                case BRACED:
                    String applied = applyOperator(operator, m.group(sub));
                    if (applied != null) {
                        return applied + run(rest);
                    }
                    break;
                default:
                    break;
            }
            String name = m.group(sub);
            Optional<String> value = lookup.get(name);
            if (value.isEmpty()) {
                warnings.warn("The " + GoQuote.quote(name) + " variable is not set. Defaulting to a blank string.");
            }
            return value.orElse("");
        }

        /** Null when the operator does not occur in the substitution (then it is a plain lookup). */
        private String applyOperator(String operator, String substitution) {
            int at = substitution.indexOf(operator);
            if (at < 0) {
                return null;
            }
            String name = substitution.substring(0, at);
            String argument = run(substitution.substring(at + operator.length()));
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

        /** The operator occurring first in the whole match; {@code :?} (never applicable) if none. */
        private static String firstOperator(String sub) {
            String best = OPERATORS[0];
            int bestAt = Integer.MAX_VALUE;
            for (String op : OPERATORS) {
                int at = sub.indexOf(op);
                if (at >= 0 && at < bestAt) {
                    best = op;
                    bestAt = at;
                }
            }
            return best;
        }
    }
}
