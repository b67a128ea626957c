package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.Mark;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;

/**
 * Turns snakeyaml-engine's syntax errors into Compose errors: positioned at the problem and worded as
 * libyaml (which Compose uses) words the same problem, so users see the messages they know.
 */
final class SyntaxErrors {
    private SyntaxErrors() {
    }

    static ComposeException translate(String file, String content, RuntimeException e) {
        if (e instanceof MarkedYamlEngineException m) {
            String context = m.getContext() == null ? "" : m.getContext();
            String problem = m.getProblem() == null ? "" : m.getProblem().trim();
            String wording = libyamlWording(context, problem);
            Optional<org.snakeyaml.engine.v2.exceptions.Mark> where = m.getProblemMark();
            if (problem.startsWith("could not find expected ':'") && m.getContextMark().isPresent()) {
                where = m.getContextMark(); // the key that lacks its ':'
            }
            if (where.isEmpty()) {
                where = m.getContextMark();
            }
            Mark mark = where.map(w -> new Mark(file, w.getLine() + 1, w.getColumn() + 1))
                    .orElse(new Mark(file, 0, 0));
            return new ComposeException(Failure.COMPOSE_PARSE,
                    mark.prefix("yaml: " + wording), e);
        }
        if (e instanceof ReaderException r) {
            Mark mark = markAtCodePoint(file, content, r.getPosition());
            return new ComposeException(Failure.COMPOSE_PARSE,
                    mark.prefix("yaml: control characters are not allowed"), e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
        return new ComposeException(Failure.COMPOSE_PARSE,
                new Mark(file, 0, 0).prefix("yaml: " + message), e);
    }

    static String libyamlWording(String context, String problem) {
        if (problem.startsWith("expected <block end>")) {
            return context.contains("block mapping") ? "did not find expected key"
                    : "did not find expected '-' indicator";
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return "did not find expected ',' or ']'";
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "did not find expected ',' or '}'";
        }
        if (problem.startsWith("expected the node content")) {
            return "did not find expected node content";
        }
        if (problem.startsWith("expected '<document start>'")) {
            return "did not find expected <document start>";
        }
        if (problem.contains("that cannot start any token")) {
            return "found character that cannot start any token";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (problem.startsWith("mapping keys are not allowed")) {
            return "mapping keys are not allowed in this context";
        }
        if (problem.startsWith("sequence entries are not allowed")) {
            return "block sequence entries are not allowed in this context";
        }
        if (context.startsWith("while scanning an anchor") || context.startsWith("while scanning an alias")) {
            return "did not find expected alphabetic or numeric character";
        }
        if (problem.isEmpty()) {
            return context;
        }
        return problem;
    }

    /** Line and column of the code point at {@code index}, for errors that only carry an offset. */
    static Mark markAtCodePoint(String file, String content, int index) {
        int line = 1;
        int column = 1;
        int cp = 0;
        for (int i = 0; i < content.length() && cp < index; cp++) {
            int c = content.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Mark(file, line, column);
    }
}
