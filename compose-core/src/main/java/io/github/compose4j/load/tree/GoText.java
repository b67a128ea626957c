package io.github.compose4j.load.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprint} of plain values, including maps ({@code map[a:1 b:2]}, keys sorted) and
 * slices ({@code [a b]}); some of Compose's messages and conversions print values this way.
 */
public final class GoText {
    private GoText() {
    }

    public static String of(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value) {
        if (value instanceof Map<?, ?> m) {
            List<String> keys = new ArrayList<>();
            m.keySet().forEach(k -> keys.add(String.valueOf(k)));
            keys.sort(null);
            sb.append("map[");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(keys.get(i)).append(':');
                append(sb, m.get(keys.get(i)));
            }
            sb.append(']');
        } else if (value instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                append(sb, l.get(i));
            }
            sb.append(']');
        } else {
            sb.append(GoFormat.sprint(value));
        }
    }
}
