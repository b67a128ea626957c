package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words the way Compose does (go-shellwords without environment or
 * backtick expansion). Like Compose, parsing stops at an unquoted {@code ; & | < >}: a command written
 * as {@code a && b} runs {@code a} only.
 */
public final class ShellWords {
    private ShellWords() {
    }

    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean escaped = false;
        boolean doubleQuoted = false;
        boolean singleQuoted = false;
        boolean backQuote = false;
        boolean dollarQuote = false;
        boolean got = false;
        int i = 0;
        loop:
        while (i < line.length()) {
            int r = line.codePointAt(i);
            i += Character.charCount(r);
            if (escaped) {
                buf.appendCodePoint(r);
                escaped = false;
                got = true;
                continue;
            }
            if (r == '\\') {
                if (singleQuoted) {
                    buf.appendCodePoint(r);
                } else {
                    escaped = true;
                }
                continue;
            }
            if (r == ' ' || r == '\t' || r == '\r' || r == '\n') {
                if (singleQuoted || doubleQuoted || backQuote || dollarQuote) {
                    buf.appendCodePoint(r);
                } else if (got) {
                    args.add(buf.toString());
                    buf.setLength(0);
                    got = false;
                }
                continue;
            }
            switch (r) {
                case '`':
                    if (!singleQuoted && !doubleQuoted && !dollarQuote) {
                        backQuote = !backQuote;
                    }
                    break;
                case ')':
                    if (!singleQuoted && !doubleQuoted && !backQuote) {
                        dollarQuote = !dollarQuote;
                    }
                    break;
                case '(':
                    if (!singleQuoted && !doubleQuoted && !backQuote) {
                        if (!dollarQuote && buf.length() > 0 && buf.charAt(buf.length() - 1) == '$') {
                            dollarQuote = true;
                            buf.append('(');
                            continue loop;
                        }
                        throw invalid();
                    }
                    break;
                case '"':
                    if (!singleQuoted && !dollarQuote) {
                        if (doubleQuoted) {
                            got = true;
                        }
                        doubleQuoted = !doubleQuoted;
                        continue loop;
                    }
                    break;
                case '\'':
                    if (!doubleQuoted && !dollarQuote) {
                        if (singleQuoted) {
                            got = true;
                        }
                        singleQuoted = !singleQuoted;
                        continue loop;
                    }
                    break;
                case ';':
                case '&':
                case '|':
                case '<':
                case '>':
                    if (!(singleQuoted || doubleQuoted || backQuote || dollarQuote)) {
                        if (r == '>' && buf.length() > 0) {
                            char c = buf.charAt(0);
                            if (c >= '0' && c <= '9') {
                                got = false;
                            }
                        }
                        break loop;
                    }
                    break;
                default:
                    break;
            }
            got = true;
            buf.appendCodePoint(r);
        }
        if (got) {
            args.add(buf.toString());
        }
        if (escaped || singleQuoted || doubleQuoted || backQuote || dollarQuote) {
            throw invalid();
        }
        return args;
    }

    private static ComposeException invalid() {
        return ComposeException.invalid("invalid command line string");
    }
}
