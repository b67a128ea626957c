package io.github.compose4j.load;

import io.github.compose4j.error.ComposeException;

import java.util.Locale;

/**
 * The project name, and whether the user chose it ({@code -p}, {@code COMPOSE_PROJECT_NAME}) or it
 * was derived ({@code name:} in a file, the directory name).
 */
public record ProjectName(String value, boolean imperative) {

    /** Compose's normalization: lower case, only {@code [a-z0-9_-]}, no leading {@code _} or {@code -}. */
    public static String normalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append(c);
            }
        }
        int start = 0;
        while (start < sb.length() && (sb.charAt(start) == '_' || sb.charAt(start) == '-')) {
            start++;
        }
        return sb.substring(start);
    }

    public static ComposeException invalid(String name) {
        return ComposeException.invalid("invalid project name \"" + name + "\": must consist only of lowercase "
                + "alphanumeric characters, hyphens, and underscores as well as start with a letter or number");
    }

    /** Fails unless the name is already in normalized form. */
    public ProjectName checked() {
        if (!normalize(value).equals(value)) {
            throw invalid(value);
        }
        return this;
    }
}
