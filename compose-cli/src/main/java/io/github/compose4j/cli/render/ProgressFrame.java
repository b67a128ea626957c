package io.github.compose4j.cli.render;

import io.github.compose4j.cli.render.ProgressState.Task;
import io.github.compose4j.event.ProgressEvent.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one frame of Compose's terminal progress display from a {@link ProgressState}, as a pure
 * function: the header ({@code [+] Running 2/3}), a line per task with its spinner or mark, id,
 * padded status and right-aligned timer, nested layer lines with their completion bar, blank lines
 * over what the previous frame drew below, and the cursor movements that redraw in place.
 *
 * <p>Compose's layout arithmetic is kept as is, oddities included (its status column is measured in
 * UTF-8 bytes, color codes of the completion bar included, and shrinks by two per nested task; its
 * header counts against the previous frame's line count), because users see and tests compare it.
 *
 * @param header       the header line, without newline
 * @param lines        the lines below the header, without newlines (blank lines included)
 * @param ansi         the bytes to write: cursor movement, hidden cursor, header, lines, shown cursor
 * @param lineCount    lines below the header, for the next frame's cursor movement
 * @param skipChildren whether nested tasks are hidden from now on
 * @param spinners     the spinner frame each working task now shows
 */
record ProgressFrame(String header, List<String> lines, String ansi, int lineCount, boolean skipChildren,
                     Map<String, Integer> spinners) {

    static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    static final String[] COMPLETION = {"⠀", "⡀", "⣀", "⣄", "⣤", "⣦", "⣶", "⣷", "⣿"};
    static final String DONE_MARK = "✔";
    static final String WARNING_MARK = "!";
    static final String ERROR_MARK = "✘";
    static final String DRY_RUN_PREFIX = " DRY-RUN MODE - ";
    /** A spinner moves on at each frame once its task is older than this. */
    private static final Duration SPINNER_DELAY = Duration.ofMillis(100);

    ProgressFrame {
        lines = List.copyOf(lines);
        spinners = Map.copyOf(spinners);
    }

    /** The frame for {@code state} on a terminal of the given size, at {@code now}; empty before any task. */
    static ProgressFrame render(ProgressState state, int width, int height, Instant now) {
        List<Task> tasks = state.tasks();
        if (tasks.isEmpty()) {
            return new ProgressFrame("", List.of(), "", state.previousLines(), state.skipChildren(), Map.of());
        }
        Palette palette = state.palette();
        StringBuilder out = new StringBuilder();
        out.append("\u001b[1A".repeat(state.previousLines() + 1));
        if (!state.redrawn()) {
            out.append("\u001b[1B");
        }
        out.append("\u001b[0G").append("\u001b[?25l");

        int done = (int) tasks.stream().filter(t -> t.status() != Status.WORKING).count();
        String header = "[+] " + state.title() + " " + done + "/" + state.previousLines();
        if (state.previousLines() != 0 && done == state.previousLines()) {
            header = palette.done(header);
        }
        out.append(header).append('\n');

        int statusPadding = 0;
        for (Task t : tasks) {
            statusPadding = Math.max(statusPadding, GoText.byteLength(t.id() + " " + t.text()));
            if (!t.parentId().isEmpty()) {
                statusPadding -= 2;
            }
        }
        boolean skipChildren = state.skipChildren() || tasks.size() > height - 2;

        Map<String, Integer> spinners = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Task task : tasks) {
            if (!task.parentId().isEmpty()) {
                continue;
            }
            lines.add(line(state, task, "", width, statusPadding, now, spinners));
            for (Task child : tasks) {
                if (child.parentId().equals(task.id()) && !skipChildren) {
                    lines.add(line(state, child, "  ", width, statusPadding, now, spinners));
                }
            }
        }
        int drawn = lines.size();
        for (int i = drawn; i < state.previousLines(); i++) {
            if (drawn < height - 2) {
                lines.add(" ".repeat(Math.max(width, 0)));
                drawn++;
            }
        }
        for (String line : lines) {
            out.append(line).append('\n');
        }
        out.append("\u001b[?25h");
        return new ProgressFrame(header, lines, out.toString(), drawn, skipChildren, spinners);
    }

    private static String line(ProgressState state, Task task, String indent, int width, int statusPadding,
                               Instant now, Map<String, Integer> spinners) {
        Palette palette = state.palette();
        Instant end = task.status() == Status.WORKING ? now : task.end().orElse(task.start());
        double elapsed = GoText.seconds(Duration.between(task.start(), end));

        String text;
        List<String> completion = new ArrayList<>();
        boolean hideDetails = false;
        long total = 0;
        long current = 0;
        // Only a working parent shows the aggregated progress of its children.
        if (task.status() == Status.WORKING) {
            for (Task child : state.tasks()) {
                if (child.parentId().equals(task.id())) {
                    if (child.status() == Status.WORKING && child.total() == 0) {
                        hideDetails = true;
                    }
                    total += child.total();
                    current += child.current();
                    int index = (COMPLETION.length - 1) * child.percent() / 100;
                    completion.add(COMPLETION[Math.max(0, Math.min(COMPLETION.length - 1, index))]);
                }
            }
        }
        if (total == 0) {
            hideDetails = true;
        }
        if (!completion.isEmpty()) {
            String details = hideDetails ? ""
                    : " " + GoText.pad(GoText.humanSize(current), 7, false) + " / " + GoText.pad(GoText.humanSize(total), 7, true);
            text = task.id() + " [" + palette.success(String.join("", completion)) + "]" + details + " " + task.text();
        } else {
            text = task.id() + " " + task.text();
        }
        int textLength = GoText.byteLength(text);
        int padding = Math.max(statusPadding - textLength, 0);
        int maxStatusLength = width - textLength - statusPadding - 15;
        String status = task.statusText();
        if (maxStatusLength > 0 && GoText.byteLength(status) > maxStatusLength) {
            status = GoText.truncateBytes(status, maxStatusLength) + "...";
        }
        String prefix = state.dryRun() ? palette.prefix(DRY_RUN_PREFIX) : "";
        String left = indent + " " + mark(task, palette, now, spinners) + prefix + " " + text + " ".repeat(padding)
                + " " + colored(task.status(), palette, status);
        String timer = palette.timer(GoText.oneDecimal(elapsed) + "s ");
        int gap = width - GoText.visibleLength(left) - GoText.visibleLength(timer);
        return left + (gap > 0 ? " ".repeat(gap) : "") + timer;
    }

    private static String mark(Task task, Palette palette, Instant now, Map<String, Integer> spinners) {
        return switch (task.status()) {
            case DONE -> palette.success(DONE_MARK);
            case WARNING -> palette.warning(WARNING_MARK);
            case ERROR -> palette.error(ERROR_MARK);
            case WORKING -> {
                int frame = task.spinner();
                if (Duration.between(task.start(), now).toMillis() > SPINNER_DELAY.toMillis()) {
                    frame = (frame + 1) % SPINNER.length;
                }
                spinners.put(task.id(), frame);
                yield palette.count(SPINNER[frame]);
            }
        };
    }

    private static String colored(Status status, Palette palette, String s) {
        return switch (status) {
            case DONE -> palette.success(s);
            case WARNING -> palette.warning(s);
            case ERROR -> palette.error(s);
            case WORKING -> s;
        };
    }
}
