package io.github.compose4j.execute;

/** Engine API versions ({@code 1.41}, {@code 1.44}...) compared segment by segment, as numbers. */
public final class ApiVersion {
    /** Several networks at container creation, per-endpoint MAC addresses, health check start interval. */
    public static final String MULTIPLE_ENDPOINTS = "1.44";

    private ApiVersion() {
    }

    public static boolean atLeast(String version, String minimum) {
        return compare(version, minimum) >= 0;
    }

    public static boolean lessThan(String version, String other) {
        return compare(version, other) < 0;
    }

    /** Negative, zero or positive; missing or non-numeric segments count as 0. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.", -1);
        String[] y = b.split("\\.", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(segment(x, i), segment(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long segment(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Long.parseLong(parts[i]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
