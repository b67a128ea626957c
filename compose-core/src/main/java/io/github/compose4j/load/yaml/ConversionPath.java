package io.github.compose4j.load.yaml;

import java.util.Arrays;

/**
 * Where the conversion is in the document, kept as segments (keys, list indexes) and written out only
 * for error messages, in the two forms compose-go uses: its reset pass's dotted paths and its key check's
 * "services.web.ports[0]" prefixes.
 */
final class ConversionPath {
    /** The top-level merge key, which compose-go keeps in its paths (it only strips ".<<"). */
    static final Object ROOT_MERGE = new Object();

    /** An item of a merge list: in compose-go's reset paths, not in its key prefixes. */
    record MergeIndex(int index) {
    }

    private Object[] segments = new Object[32];
    private int[] segmentChars = new int[32];
    private int length;
    private int chars;

    void clear() {
        Arrays.fill(segments, 0, length, null);
        length = 0;
        chars = 0;
    }

    int length() {
        return length;
    }

    /** About how long the dotted form is. */
    int chars() {
        return chars;
    }

    void push(Object segment) {
        if (length == segments.length) {
            segments = Arrays.copyOf(segments, length * 2);
            segmentChars = Arrays.copyOf(segmentChars, length * 2);
        }
        int c = segment instanceof String s ? s.length() + 1 : 8;
        segmentChars[length] = c;
        chars += c;
        segments[length++] = segment;
    }

    void pop() {
        segments[--length] = null;
        chars -= segmentChars[length];
    }

    /** compose-go's reset-pass path of the segments in [from, to): everything joined by dots. */
    String dotted(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(text(segments[i]));
        }
        return sb.toString();
    }

    String dotted() {
        return dotted(0, length);
    }

    /** compose-go's key prefix: keys joined by dots, list indexes in brackets, merges invisible. */
    String keyPath() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            Object p = segments[i];
            if (p == ROOT_MERGE || p instanceof MergeIndex) {
                continue;
            }
            if (p instanceof Integer idx) {
                sb.append('[').append(idx).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(text(p));
            }
        }
        return sb.toString();
    }

    private static String text(Object p) {
        if (p instanceof String s) {
            return s;
        }
        if (p == ROOT_MERGE) {
            return "<<";
        }
        if (p instanceof MergeIndex m) {
            return Integer.toString(m.index());
        }
        return GoScalars.goV(p);
    }
}
