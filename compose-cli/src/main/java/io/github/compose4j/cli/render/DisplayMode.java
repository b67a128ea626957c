package io.github.compose4j.cli.render;

import io.github.compose4j.cli.render.ProgressDisplay.Mode;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

import java.util.Map;

/**
 * How the progress of commands is shown, chosen from {@code --ansi}, {@code --no-ansi}, {@code --progress}
 * and the environment with Docker Compose's rules:
 * <ul>
 *   <li>{@code COMPOSE_ANSI}, when set, replaces the {@code --ansi} value, even one given on the command
 *       line (Compose checks whether the flag was given on the subcommand, where it never is);</li>
 *   <li>{@code --progress auto} (the default): plain when ANSI is {@code never}, otherwise the terminal
 *       display when stderr is a terminal and plain when it is not, even with {@code --ansi always};</li>
 *   <li>{@code --progress tty} with ANSI {@code never}, and {@code --progress plain} with ANSI
 *       {@code always}, are errors; {@code quiet} and {@code none} show nothing;</li>
 *   <li>a non-empty {@code NO_COLOR} keeps the mode but removes the colors.</li>
 * </ul>
 * Whether the terminal display can really be used is checked when it opens ({@link ProgressDisplay#open}).
 *
 * @param mode           the progress display
 * @param colors         whether the terminal display uses colors
 * @param stderrTerminal whether stderr is a terminal (it decides the form of log lines too)
 * @param notice         a deprecation notice to print on stderr first, or empty
 */
public record DisplayMode(Mode mode, boolean colors, boolean stderrTerminal, String notice) {
    public static final String NO_ANSI_NOTICE = "option '--no-ansi' is DEPRECATED ! Please use '--ansi' instead.\n";

    /** The mode for {@code --ansi} (null when not given) and {@code --progress} (null when not given). */
    public static DisplayMode select(String ansiFlag, String progressFlag, Map<String, String> env,
                                     boolean stderrIsTerminal) {
        return select(ansiFlag, false, progressFlag, env, stderrIsTerminal);
    }

    /** As {@link #select(String, String, Map, boolean)}, with the deprecated {@code --no-ansi} flag. */
    public static DisplayMode select(String ansiFlag, boolean noAnsi, String progressFlag, Map<String, String> env,
                                     boolean stderrIsTerminal) {
        String ansi = ansiFlag == null ? "auto" : ansiFlag;
        String progress = progressFlag == null ? "auto" : progressFlag;
        String notice = "";
        if (noAnsi) {
            if (!ansi.equals("auto")) {
                throw failure("cannot specify DEPRECATED \"--no-ansi\" and \"--ansi\". Please use only \"--ansi\"");
            }
            ansi = "never";
            notice = NO_ANSI_NOTICE;
        }
        if (env.containsKey("COMPOSE_ANSI")) {
            ansi = env.get("COMPOSE_ANSI");
        }
        String noColor = env.get("NO_COLOR");
        boolean colors = noColor == null || noColor.isEmpty();
        Mode mode = switch (progress) {
            case "auto" -> !ansi.equals("never") && stderrIsTerminal ? Mode.TTY : Mode.PLAIN;
            case "tty" -> {
                if (ansi.equals("never")) {
                    throw failure("can't use --progress tty while ANSI support is disabled");
                }
                yield Mode.TTY;
            }
            case "plain" -> {
                if (ansi.equals("always")) {
                    throw failure("can't use --progress plain while ANSI support is forced");
                }
                yield Mode.PLAIN;
            }
            case "quiet", "none" -> Mode.QUIET;
            default -> throw failure("unsupported --progress value " + GoText.quote(progress));
        };
        return new DisplayMode(mode, colors, stderrIsTerminal, notice);
    }

    private static ComposeException failure(String message) {
        return new ComposeException(Failure.GENERAL, message);
    }
}
