package io.github.compose4j.load.yaml;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * compose-go's cycle check on aliases: it remembers the paths at which each anchored node was reached
 * through an alias, and refuses a path that lies inside another one (compared as dotted text, so a key
 * containing a dot can trip it). Paths are hashed so a check costs one pass over the path, and the
 * memory spent on remembered paths is capped; beyond the cap only real recursion is caught (by the
 * caller), which is all that matters for safety.
 */
final class AliasPaths {
    private static final long MAX_STORED_CHARS = 4_000_000;
    private static final long HASH_BASE = 1_000_003;

    private static final class Visits {
        final Map<Long, String> paths = new HashMap<>();
        /** Hash of every dot-delimited prefix of a remembered path, with one path having it. */
        final Map<Long, String> prefixes = new HashMap<>();
    }

    private final Map<RawNode, Visits> byTarget = new IdentityHashMap<>();
    private long storedChars;

    void clear() {
        byTarget.clear();
        storedChars = 0;
    }

    /** Records a visit; returns a remembered path that this one is nested with, or null. */
    String visit(RawNode target, String path) {
        Visits v = byTarget.computeIfAbsent(target, x -> new Visits());
        long[] prefixHashes = new long[8];
        int prefixCount = 0;
        long h = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                String outer = v.paths.get(h);
                if (outer != null && outer.length() == i && path.startsWith(outer)) {
                    return outer;
                }
                if (prefixCount == prefixHashes.length) {
                    prefixHashes = Arrays.copyOf(prefixHashes, prefixCount * 2);
                }
                prefixHashes[prefixCount++] = h;
            }
            h = h * HASH_BASE + c;
        }
        String inner = v.prefixes.get(h);
        if (inner != null && inner.length() > path.length() && inner.startsWith(path)
                && inner.charAt(path.length()) == '.') {
            return inner;
        }
        if (storedChars < MAX_STORED_CHARS && v.paths.putIfAbsent(h, path) == null) {
            storedChars += path.length() + 16L * (prefixCount + 1);
            for (int i = 0; i < prefixCount; i++) {
                v.prefixes.putIfAbsent(prefixHashes[i], path);
            }
        }
        return null;
    }
}
