package io.github.compose4j.execute;

import io.github.compose4j.engine.PullProgress;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressEvent.Status;

import java.util.Optional;

/**
 * The progress events of one image layer, from the engine's pull messages, as Docker Compose 2.26
 * derives them: nested under the service that pulls; byte counts while downloading, extracting and
 * verifying; done, at 100%, once downloaded, extracted or already present. Messages about the whole
 * image ("Pulling from", "Digest:", "Status:") make no event. The display renders a layer's byte counts
 * as its progress bar.
 */
final class PullEvents {
    private PullEvents() {
    }

    static Optional<ProgressEvent> of(String service, PullProgress m) {
        // Only "Pulling from <repository>" names an id without carrying byte counts; Compose skips it.
        if (m.layer().isEmpty() || m.status().startsWith("Pulling from ")) {
            return Optional.empty();
        }
        Status status = Status.WORKING;
        long current = 0;
        long total = 0;
        int percent = 0;
        switch (m.status()) {
            case "Downloading", "Extracting", "Verifying Checksum" -> {
                current = m.current();
                total = m.total();
                if (total > 0) {
                    percent = (int) (current * 100 / total);
                }
            }
            case "Download complete", "Already exists", "Pull complete" -> {
                status = Status.DONE;
                percent = 100;
            }
            default -> {
            }
        }
        if (m.status().contains("Image is up to date") || m.status().contains("Downloaded newer image")) {
            status = Status.DONE;
            percent = 100;
        }
        return Optional.of(new ProgressEvent(m.layer(), status, "", m.status(), service, current, total, percent));
    }
}
