package io.github.compose4j.cli.format;

import io.github.compose4j.cli.render.TabWriter;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A list printed through a {@code --format} template the way the docker CLI's formatter prints it: {@code json}
 * is {@code {{json .}}}, a format starting with {@code table} gets a header row (the template run over the column
 * names) and aligned columns, anything else is a template run once per item, each followed by a newline.
 */
public final class FormattedList {
    private FormattedList() {
    }

    /**
     * @param format  the format, already resolved ({@code table {{.Name}}\t...}, {@code json} or a template)
     * @param header  column names by field, for tables; fields not in it print {@code <no value>}
     */
    public static String render(String format, List<?> items, Map<String, String> header) {
        boolean table = format.startsWith("table");
        String template = format;
        if (table) {
            template = template.substring("table".length());
        } else if (format.equals("json")) {
            template = "{{json .}}";
        }
        template = trimSpaces(template).replace("\\t", "\t").replace("\\n", "\n");
        try {
            GoTemplate parsed = GoTemplate.parse(template);
            StringBuilder body = new StringBuilder();
            for (Object item : items) {
                body.append(parsed.execute(item)).append('\n');
            }
            if (!table) {
                return body.toString();
            }
            TabWriter writer = new TabWriter(10, 3);
            String text = parsed.executeHeader(header) + "\n" + body;
            String[] lines = text.split("\n", -1);
            for (String line : Arrays.asList(lines).subList(0, lines.length - 1)) {
                writer.row(line.split("\t", -1));
            }
            return writer.render();
        } catch (GoTemplate.TemplateException e) {
            throw new ComposeException(Failure.GENERAL, "template parsing error: " + e.getMessage());
        }
    }

    /** Spaces only, as the docker CLI trims formats: a template may end with a newline on purpose. */
    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }
}
