package io.github.compose4j.load.source;

import io.github.compose4j.load.interpolate.GoQuote;
import io.github.compose4j.load.interpolate.Lookup;
import io.github.compose4j.load.interpolate.Template;
import io.github.compose4j.load.interpolate.TemplateException;
import io.github.compose4j.load.interpolate.Warnings;
import io.github.compose4j.load.tree.Mark;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compose's env file parser (used for the project {@code .env}, {@code --env-file} and service
 * {@code env_file}), reproduced with its quirks:
 * <ul>
 * <li>{@code KEY=value}, {@code KEY: value}, an optional {@code export } prefix; spaces around the
 * separator are dropped.</li>
 * <li>Unquoted values end at the line end, lose a {@code " #"} comment and trailing spaces, and are
 * interpolated.</li>
 * <li>Single-quoted values are literal (only {@code \'} is unescaped); double-quoted values may span
 * lines, get {@code \n \t \" \\ \$ \0ooo ...} unescaped, then are interpolated. Text after the
 * closing quote starts the next statement.</li>
 * <li>A bare {@code KEY} line takes its value from the lookup, or is skipped. A bare last line with
 * no newline instead becomes the value of the empty key, as in Compose.</li>
 * <li>Interpolation looks a name up in the lookup first, then among the file's earlier keys.</li>
 * </ul>
 */
public final class DotEnv {
    private final String fileName;
    private final String src;
    private final Function<String, String> lookup;
    private final Warnings warnings;
    private final LinkedHashMap<String, String> out = new LinkedHashMap<>();
    /** Compose's line counter, reported in its messages. */
    private int line = 1;

    private DotEnv(String fileName, String src, Function<String, String> lookup, Warnings warnings) {
        this.fileName = fileName;
        this.src = src;
        this.lookup = lookup;
        this.warnings = warnings;
    }

    /** Parses an env file; warnings are dropped. {@code lookup} returns null for unset variables. */
    public static LinkedHashMap<String, String> parse(String fileName, String content,
            Function<String, String> lookup) {
        return parse(fileName, content, lookup, Warnings.ignore());
    }

    /**
     * Parses an env file. {@code lookup} returns null for unset variables.
     *
     * @throws DotEnvException for a syntax error or a failed substitution
     */
    public static LinkedHashMap<String, String> parse(String fileName, String content,
            Function<String, String> lookup, Warnings warnings) {
        DotEnv p = new DotEnv(fileName, content, lookup, warnings);
        p.run(content.startsWith("\uFEFF") ? 1 : 0);
        return p.out;
    }

    private void run(int pos) {
        while (true) {
            pos = statementStart(pos);
            if (pos < 0) {
                return;
            }
            int keyStart = pos;
            KeyEnd k = locateKey(pos);
            if (k.key.indexOf(' ') >= 0) {
                throw error(keyStart, "line " + line + ": key cannot contain a space");
            }
            if (k.inherited) {
                String value = lookup.apply(k.key);
                if (value != null) {
                    out.put(k.key, value);
                }
                pos = k.next;
                continue;
            }
            pos = readValue(k.key, k.next);
        }
    }

    /** Skips blank space and comment lines; -1 at the end of input. */
    private int statementStart(int pos) {
        int n = src.length();
        while (true) {
            int i = pos;
            while (i < n && isGoSpace(src.codePointAt(i))) {
                if (src.charAt(i) == '\n') {
                    line++;
                }
                i += Character.charCount(src.codePointAt(i));
            }
            if (i >= n) {
                return -1;
            }
            if (src.charAt(i) != '#') {
                return i;
            }
            int nl = src.indexOf('\n', i);
            if (nl < 0) {
                return -1;
            }
            pos = nl;
        }
    }

    private record KeyEnd(String key, int next, boolean inherited) {
    }

    private KeyEnd locateKey(int pos) {
        int n = src.length();
        if (src.startsWith("export", pos) && pos + 6 < n && isRegexSpace(src.charAt(pos + 6))) {
            pos = skipSpace(pos + 6);
        }
        String key = "";
        int offset = pos;
        boolean inherited = false;
        for (int i = pos; i < n;) {
            int cp = src.codePointAt(i);
            if (cp == '=' || cp == ':' || cp == '\n') {
                key = src.substring(pos, i);
                offset = i + 1;
                inherited = cp == '\n';
                break;
            }
            if (!isSpace(cp) && cp != '_' && cp != '.' && cp != '-' && cp != '[' && cp != ']'
                    && !Character.isLetter(cp) && !isNumber(cp)) {
                int nl = src.indexOf('\n', pos);
                String firstLine = src.substring(pos, nl < 0 ? n : nl);
                throw error(i, "line " + line + ": unexpected character " + GoQuote.quote(Character.toString(cp))
                        + " in variable name " + GoQuote.quote(firstLine));
            }
            i += Character.charCount(cp);
        }
        if (inherited && key.indexOf(' ') < 0) {
            line++;
        }
        return new KeyEnd(trimRightGoSpace(key), skipSpace(offset), inherited);
    }

    /** Reads the value starting at {@code pos}, stores it and returns where the next statement may start. */
    private int readValue(String key, int pos) {
        int n = src.length();
        char quote = pos < n ? src.charAt(pos) : 0;
        if (quote != '"' && quote != '\'') {
            int nl = src.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            line++;
            String value = src.substring(pos, end);
            int comment = value.indexOf(" #");
            if (comment >= 0) {
                value = value.substring(0, comment);
            }
            out.put(key, expand(trimRightGoSpace(value), pos));
            return nl < 0 ? n : nl + 1;
        }
        StringBuilder chars = new StringBuilder();
        boolean escaped = false;
        for (int i = pos + 1; i < n; i++) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c != quote) {
                if (!escaped && c == '\\') {
                    escaped = true;
                    continue;
                }
                if (escaped) {
                    escaped = false;
                    chars.append('\\');
                }
                chars.append(c);
                continue;
            }
            if (escaped) {
                escaped = false;
                chars.append(c);
                continue;
            }
            String value = chars.toString();
            if (quote == '"') {
                value = expand(expandEscapes(value), pos);
            }
            out.put(key, value);
            return i + 1;
        }
        int nl = src.indexOf('\n', pos);
        throw error(pos, "line " + line + ": unterminated quoted value " + src.substring(pos, nl < 0 ? n : nl));
    }

    private String expand(String value, int pos) {
        if (value.indexOf('$') < 0) {
            return value;
        }
        Lookup names = name -> {
            String v = lookup.apply(name);
            if (v != null) {
                return Optional.of(v);
            }
            return Optional.ofNullable(out.get(name));
        };
        try {
            return Template.substitute(value, names, warnings);
        } catch (TemplateException e) {
            throw error(pos, e.getMessage(), e);
        }
    }

    /** Unescapes {@code \a \b \c \f \n \r \t \v \$ \" \\} and {@code \0} octal sequences as Compose does. */
    static String expandEscapes(String s) {
        int bs = s.indexOf('\\');
        if (bs < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, bs);
        int n = s.length();
        int i = bs;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                sb.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            if (e == '0') {
                int j = i + 2;
                while (j < n && j < i + 5 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                sb.append(octal(s.substring(i + 2, j)));
                i = j;
                continue;
            }
            String simple = switch (e) {
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000b";
                case '$' -> "$$"; // becomes a literal $ after interpolation
                case '"' -> "\"";
                case '\\' -> "\\";
                case 'c' -> "\\c"; // matched by Compose, then rejected by Go's unquoting
                default -> null;
            };
            if (simple == null) {
                sb.append(c);
                i++;
            } else {
                sb.append(simple);
                i += 2;
            }
        }
        return sb.toString();
    }

    /**
     * {@code \0ddd}: Compose drops the 0 and unquotes {@code \ddd}, which must be exactly three octal
     * digits worth at most 255; otherwise the text stays, without its 0.
     */
    private static String octal(String digits) {
        if (digits.length() == 3) {
            int v = 0;
            boolean ok = true;
            for (int k = 0; k < 3; k++) {
                int d = digits.charAt(k) - '0';
                ok &= d >= 0 && d <= 7;
                v = v * 8 + d;
            }
            if (ok && v <= 255) {
                return Character.toString((char) v);
            }
        }
        return "\\" + digits;
    }

    private DotEnvException error(int offset, String reason) {
        return error(offset, reason, null);
    }

    private DotEnvException error(int offset, String reason, Throwable cause) {
        int realLine = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                realLine++;
                lineStart = i + 1;
            }
        }
        return new DotEnvException(new Mark(fileName, realLine, offset - lineStart + 1), reason, cause);
    }

    private int skipSpace(int pos) {
        while (pos < src.length() && isSpace(src.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** Compose's own "space but not a line break" set. */
    private static boolean isSpace(int cp) {
        return cp == '\t' || cp == 0x0b || cp == '\f' || cp == '\r' || cp == ' ' || cp == 0x85 || cp == 0xa0;
    }

    /** {@code \s} in Go's regular expressions. */
    private static boolean isRegexSpace(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    /** Go's unicode.IsSpace. */
    private static boolean isGoSpace(int cp) {
        if (cp < 0x100) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xa0;
        }
        return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f
                || cp == 0x205f || cp == 0x3000;
    }

    private static boolean isNumber(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static String trimRightGoSpace(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isGoSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }
}
