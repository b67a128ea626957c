package io.github.compose4j.event;

/**
 * Progress of one object an operation works on ({@code Container web-1}, {@code Network app_default}),
 * in the vocabulary Docker Compose displays: a status and a short status text ("Creating", "Started").
 *
 * @param id         what the event is about, as displayed ("Container app-web-1")
 * @param status     whether the work on it is going on, done, or ended with a warning or an error
 * @param statusText the displayed state ("Creating", "Created", "Waiting", "Healthy"...)
 * @param text       extra text shown between the id and the status (pull progress), usually empty
 */
public record ProgressEvent(String id, Status status, String statusText, String text) {

    /** The state of the work on an object. */
    public enum Status {
        WORKING,
        DONE,
        WARNING,
        ERROR
    }

    public static ProgressEvent working(String id, String statusText) {
        return new ProgressEvent(id, Status.WORKING, statusText, "");
    }

    public static ProgressEvent done(String id, String statusText) {
        return new ProgressEvent(id, Status.DONE, statusText, "");
    }

    public static ProgressEvent warning(String id, String statusText) {
        return new ProgressEvent(id, Status.WARNING, statusText, "");
    }

    public static ProgressEvent error(String id, String statusText) {
        return new ProgressEvent(id, Status.ERROR, statusText, "");
    }
}
