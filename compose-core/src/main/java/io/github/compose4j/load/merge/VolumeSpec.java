package io.github.compose4j.load.merge;

/**
 * Just enough of Compose's short volume syntax ({@code [source:]target[:options]}) to find the
 * target, which is what makes two volume entries the same mount. Errors use Compose's wording.
 */
final class VolumeSpec {
    private static final int END = 0;

    private VolumeSpec() {
    }

    /**
     * The target of a short volume spec.
     *
     * @throws IllegalArgumentException with Compose's message when the spec is malformed
     */
    static String target(String spec) {
        int bytes = utf8Length(spec);
        if (bytes == 0) {
            throw new IllegalArgumentException("invalid empty volume spec");
        }
        if (bytes <= 2) {
            return spec;
        }
        String source = "";
        String target = "";
        // Fields are cut out of the spec by index; a NUL, like the end, closes a field.
        int start = 0;
        int fieldRunes = 0;
        int n = spec.length();
        for (int i = 0; i <= n; ) {
            int c = i == n ? END : spec.codePointAt(i);
            int width = i == n ? 1 : Character.charCount(c);
            if (c == ':' && fieldRunes == 1 && Character.isLetter(spec.codePointAt(start))) {
                // A Windows drive letter, as in C:\data.
                fieldRunes++;
            } else if (c == ':' || c == END) {
                String field = spec.substring(start, i);
                if (field.isEmpty()) {
                    throw invalid(spec, "empty section between colons");
                }
                if (source.isEmpty() && c == END) {
                    target = field; // an anonymous volume: the only field is the target
                } else if (source.isEmpty()) {
                    source = field;
                } else if (target.isEmpty()) {
                    target = field;
                } else if (c == ':') {
                    throw invalid(spec, "too many colons");
                }
                // Any further field holds options, which do not matter for the target.
                start = i + width;
                fieldRunes = 0;
            } else {
                fieldRunes++;
            }
            i += width;
        }
        return target;
    }

    private static IllegalArgumentException invalid(String spec, String why) {
        return new IllegalArgumentException("invalid spec: " + spec + ": " + why);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
