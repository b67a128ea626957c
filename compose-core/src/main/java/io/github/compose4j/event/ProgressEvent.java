package io.github.compose4j.event;

/**
 * Progress of one object an operation works on ({@code Container web-1}, {@code Network app_default}),
 * in the vocabulary Docker Compose displays: a status and a short status text ("Creating", "Started").
 *
 * <p>An event may belong to a parent event (an image layer to the service whose image is pulled): the
 * display nests it under its parent and sums the children's byte counts into the parent's progress bar.
 *
 * @param id         what the event is about, as displayed ("Container app-web-1")
 * @param status     whether the work on it is going on, done, or ended with a warning or an error
 * @param statusText the displayed state ("Creating", "Created", "Waiting", "Healthy"...)
 * @param text       extra text shown between the id and the status (pull progress), usually empty
 * @param parentId   the id of the event this one is nested under, empty for a top-level event
 * @param current    bytes done so far (pull layers), 0 when unknown
 * @param total      bytes to do (pull layers), 0 when unknown
 * @param percent    completion from 0 to 100 (pull layers), 0 when unknown
 */
public record ProgressEvent(String id, Status status, String statusText, String text,
                            String parentId, long current, long total, int percent) {

    /** The state of the work on an object. */
    public enum Status {
        WORKING,
        DONE,
        WARNING,
        ERROR
    }

    public ProgressEvent {
        parentId = parentId == null ? "" : parentId;
        text = text == null ? "" : text;
        statusText = statusText == null ? "" : statusText;
    }

    /** A top-level event without byte counts. */
    public ProgressEvent(String id, Status status, String statusText, String text) {
        this(id, status, statusText, text, "", 0, 0, 0);
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

    /** This event nested under {@code parentId}. */
    public ProgressEvent withParent(String parentId) {
        return new ProgressEvent(id, status, statusText, text, parentId, current, total, percent);
    }

    /** This event with byte counts (a pull layer: "Downloading", 1.2 MB of 40 MB, 3%). */
    public ProgressEvent withProgress(long current, long total, int percent) {
        return new ProgressEvent(id, status, statusText, text, parentId, current, total, percent);
    }
}
