package io.github.compose4j.oneoff;

/**
 * What happens on the caller's side while a process is attached to it: the signals the caller receives (which
 * {@code run} forwards to its container, as Docker Compose does) and its terminal's new sizes (which a TTY
 * follows).
 */
public interface ConsoleEvents {
    /** A caller that reports nothing. */
    ConsoleEvents NONE = listener -> () -> { };

    /** Reports to {@code listener}, from any thread, until the returned subscription is closed. */
    Subscription subscribe(Listener listener);

    /** Receives the caller's events. */
    interface Listener {
        /** The caller received the signal of that name ({@code TERM}, {@code INT}, {@code HUP}...). */
        void signalled(String signal);

        /** The caller's terminal now has this size. */
        void resized(Console.Size size);
    }

    /** Ends the reporting. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
