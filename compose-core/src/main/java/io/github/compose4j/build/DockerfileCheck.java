package io.github.compose4j.build;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a Dockerfile needs from BuildKit that the engine's classic builder lacks, before its context is
 * sent: {@code RUN --mount/--network/--security}, heredocs, {@code COPY}/{@code ADD} flags the classic builder
 * does not know. A {@code # syntax=} directive alone is only worth a warning: the classic builder ignores it,
 * and most such Dockerfiles build anyway.
 */
public final class DockerfileCheck {
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("(?<![<\\w])<<-?\\s*(['\"]?)[A-Za-z_][A-Za-z0-9_]*\\1(?!<)");
    private static final Pattern FLAG = Pattern.compile("--([a-z-]+)");

    private DockerfileCheck() {
    }

    /**
     * Warnings about the Dockerfile; fails on the first instruction the classic builder cannot build, naming
     * {@code file} and its line.
     */
    public static List<String> check(String file, String text) {
        List<String> warnings = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        char escape = '\\';
        boolean directives = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (directives) {
                Matcher d = DIRECTIVE.matcher(line);
                if (d.matches()) {
                    String key = d.group(1).toLowerCase(Locale.ROOT);
                    if (key.equals("escape") && !d.group(2).isEmpty()) {
                        escape = d.group(2).charAt(0);
                    } else if (key.equals("syntax")) {
                        warnings.add(file + ":" + (i + 1) + ": the syntax directive (" + d.group(2) + ") is ignored by "
                                + "the engine's classic builder, which compose4j uses");
                    }
                    continue;
                }
                directives = false;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int first = i;
            StringBuilder instruction = new StringBuilder();
            while (true) {
                String part = lines[i].stripTrailing();
                boolean continued = !part.isEmpty() && part.charAt(part.length() - 1) == escape;
                instruction.append(continued ? part.substring(0, part.length() - 1) : part).append(' ');
                if (!continued || i + 1 >= lines.length) {
                    break;
                }
                i++;
                while (i + 1 < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) {
                    i++;
                }
            }
            problem(instruction.toString().strip()).ifPresent(p -> {
                throw new BuildFailure(file + ":" + (first + 1) + ": " + p + " requires BuildKit; "
                        + "compose4j builds with the engine's classic builder, which does not support it", 1);
            });
        }
        return warnings;
    }

    private static Optional<String> problem(String instruction) {
        String[] words = instruction.split("\\s+", 2);
        String keyword = words[0].toUpperCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1] : "";
        if (keyword.equals("ONBUILD")) {
            return problem(rest);
        }
        if (!List.of("RUN", "COPY", "ADD").contains(keyword)) {
            return Optional.empty();
        }
        for (String flag : leadingFlags(rest)) {
            Matcher m = FLAG.matcher(flag);
            if (!m.lookingAt()) {
                continue;
            }
            String name = m.group(1);
            boolean classic = keyword.equals("RUN") ? false : List.of("from", "chown").contains(name);
            if (!classic) {
                return Optional.of(keyword + " --" + name);
            }
        }
        if (HEREDOC.matcher(rest).find()) {
            return Optional.of("the heredoc in " + keyword);
        }
        return Optional.empty();
    }

    private static List<String> leadingFlags(String rest) {
        List<String> flags = new ArrayList<>();
        for (String word : rest.split("\\s+")) {
            if (!word.startsWith("--")) {
                break;
            }
            flags.add(word);
        }
        return flags;
    }
}
