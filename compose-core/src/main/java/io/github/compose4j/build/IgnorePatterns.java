package io.github.compose4j.build;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.canonical.GoPaths;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns of a {@code .dockerignore} file and the docker CLI's way of matching context paths against them
 * (moby/patternmatcher): each pattern cleaned like a path, {@code *} and {@code ?} never crossing a slash,
 * {@code **} any number of directories, {@code !} re-including what an earlier pattern excluded, the last
 * pattern that matches a path (or one of its parent directories) deciding.
 */
public final class IgnorePatterns {
    private final List<Rule> rules;
    private final boolean exceptions;

    private IgnorePatterns(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.exceptions = rules.stream().anyMatch(Rule::exception);
    }

    /** No pattern: nothing is excluded. */
    public static IgnorePatterns none() {
        return new IgnorePatterns(List.of());
    }

    /**
     * The patterns of an ignore file's text: a UTF-8 byte order mark dropped, lines starting with {@code #}
     * skipped, blanks trimmed, each pattern cleaned and a leading slash removed.
     */
    public static List<String> read(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean invert = pattern.charAt(0) == '!';
            if (invert) {
                pattern = pattern.substring(1).strip();
            }
            if (!pattern.isEmpty()) {
                pattern = GoPaths.clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            out.add(invert ? "!" + pattern : pattern);
        }
        return out;
    }

    /** Compiles patterns (as {@link #read} returns them); an invalid one fails as the docker CLI reports it. */
    public static IgnorePatterns of(List<String> patterns) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            p = GoPaths.clean(p);
            boolean exception = false;
            if (p.charAt(0) == '!') {
                if (p.length() == 1) {
                    throw new ComposeException(Failure.GENERAL, "illegal exclusion pattern: \"!\"");
                }
                exception = true;
                p = p.substring(1);
            }
            rules.add(Rule.compile(p, exception));
        }
        return new IgnorePatterns(rules);
    }

    /** These patterns with more appended (which therefore win). */
    public IgnorePatterns plus(List<String> more) {
        List<String> all = new ArrayList<>();
        rules.forEach(r -> all.add(r.exception ? "!" + r.pattern : r.pattern));
        all.addAll(more);
        return of(all);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether some pattern re-includes paths ({@code !...}). */
    public boolean hasExceptions() {
        return exceptions;
    }

    /**
     * Whether a slash-separated path relative to the context is excluded, judging it and each of its parent
     * directories against every pattern.
     */
    public boolean excludes(String path) {
        return match(path, null).excluded();
    }

    /**
     * The decision for {@code path} given the result for its parent directory ({@code null} when unknown, as for
     * entries of the context's top directory): a pattern that matched the parent matches the path without
     * being tried again. Walks use it to judge each entry once.
     */
    public Match match(String path, Match parent) {
        boolean[] parentMatched = parent == null ? null : parent.perRule;
        boolean matched = false;
        boolean[] perRule = new boolean[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            boolean hit = parentMatched != null && parentMatched[i];
            if (!hit) {
                if (rule.exception != matched) {
                    continue;
                }
                hit = rule.matches(path);
                if (!hit && parentMatched == null) {
                    hit = matchesAParent(rule, path);
                }
            }
            perRule[i] = hit;
            if (hit) {
                matched = !rule.exception;
            }
        }
        return new Match(matched, perRule);
    }

    private static boolean matchesAParent(Rule rule, String path) {
        String parent = GoPaths.dir(path);
        if (parent.equals(".")) {
            return false;
        }
        int from = 0;
        while (true) {
            int slash = parent.indexOf('/', from);
            String prefix = slash < 0 ? parent : parent.substring(0, slash);
            if (rule.matches(prefix)) {
                return true;
            }
            if (slash < 0) {
                return false;
            }
            from = slash + 1;
        }
    }

    /**
     * Whether an excluded directory must still be walked: the docker CLI does so when an exception pattern, taken
     * literally, lies under it.
     */
    public boolean mayReinclude(String directory) {
        if (!exceptions) {
            return false;
        }
        String prefix = directory + "/";
        for (Rule r : rules) {
            if (r.exception && (r.pattern + "/").startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The outcome for one path, with which patterns matched it (handed down to its children). */
    public record Match(boolean excluded, boolean[] perRule) {
    }

    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    private record Rule(String pattern, boolean exception, Kind kind, Pattern regex) {

        static Rule compile(String pattern, boolean exception) {
            StringBuilder re = new StringBuilder("^");
            Kind kind = Kind.EXACT;
            boolean inClass = false;
            int[] cps = pattern.codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                int c = cps[i];
                if (c == '*' && !inClass) {
                    if (i + 1 < cps.length && cps[i + 1] == '*') {
                        boolean first = i == 0;
                        i++;
                        if (i + 1 < cps.length && cps[i + 1] == '/') {
                            i++;
                        }
                        if (i + 1 >= cps.length) {
                            if (kind == Kind.EXACT) {
                                kind = Kind.PREFIX;
                            } else {
                                re.append(".*");
                                kind = Kind.REGEX;
                            }
                        } else {
                            re.append("(.*/)?");
                            kind = Kind.REGEX;
                        }
                        if (first) {
                            kind = Kind.SUFFIX;
                        }
                    } else {
                        re.append("[^/]*");
                        kind = Kind.REGEX;
                    }
                } else if (c == '?' && !inClass) {
                    re.append("[^/]");
                    kind = Kind.REGEX;
                } else if (".+()|{}$".indexOf(c) >= 0) {
                    re.append('\\').appendCodePoint(c);
                } else if (c == '\\') {
                    if (i + 1 < cps.length) {
                        re.append('\\').appendCodePoint(cps[++i]);
                        kind = Kind.REGEX;
                    } else {
                        re.append("\\\\");
                    }
                } else if (c == '[' || c == ']') {
                    // Go's regexp takes '[' inside a class literally; Java would open a nested class.
                    re.append(inClass && c == '[' ? "\\[" : String.valueOf((char) c));
                    inClass = c == '[' || (inClass && c != ']');
                    kind = Kind.REGEX;
                } else if (inClass && c == '&') {
                    re.append("\\&");
                } else {
                    re.appendCodePoint(c);
                }
            }
            Pattern regex = null;
            if (kind == Kind.REGEX) {
                re.append('$');
                try {
                    regex = Pattern.compile(re.toString(), Pattern.UNIX_LINES);
                } catch (PatternSyntaxException e) {
                    throw new ComposeException(Failure.GENERAL, "syntax error in pattern");
                }
            }
            validate(pattern);
            return new Rule(pattern, exception, kind, regex);
        }

        /** Go's filepath.Match rejects an unclosed class or a trailing backslash; so does the docker CLI. */
        private static void validate(String pattern) {
            boolean inClass = false;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= pattern.length()) {
                        throw new ComposeException(Failure.GENERAL, "syntax error in pattern");
                    }
                    i++;
                } else if (c == '[' && !inClass) {
                    inClass = true;
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                        i++;
                    }
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                        throw new ComposeException(Failure.GENERAL, "syntax error in pattern");
                    }
                } else if (c == ']' && inClass) {
                    inClass = false;
                }
            }
            if (inClass) {
                throw new ComposeException(Failure.GENERAL, "syntax error in pattern");
            }
        }

        boolean matches(String path) {
            return switch (kind) {
                case EXACT -> path.equals(pattern);
                case PREFIX -> path.startsWith(pattern.substring(0, pattern.length() - 2));
                case SUFFIX -> {
                    String suffix = pattern.substring(2);
                    yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
                }
                case REGEX -> regex.matcher(path).matches();
            };
        }
    }
}
