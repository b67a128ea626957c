package io.github.compose4j.execute;

import io.github.compose4j.engine.PullProgress;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressEvent.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PullEventsTest {

    @Test
    void downloadingLayerCarriesItsByteCountsUnderTheService() {
        assertThat(PullEvents.of("web", new PullProgress("4c700a4a2508", "Downloading", 1000, 4000)))
                .contains(new ProgressEvent("4c700a4a2508", Status.WORKING, "", "Downloading", "web", 1000, 4000, 25));
    }

    @Test
    void waitingLayerHasNoCounts() {
        assertThat(PullEvents.of("web", new PullProgress("4c700a4a2508", "Pulling fs layer", 0, 0)))
                .contains(new ProgressEvent("4c700a4a2508", Status.WORKING, "", "Pulling fs layer", "web", 0, 0, 0));
    }

    @Test
    void completeLayerIsDoneAtFullPercent() {
        assertThat(PullEvents.of("web", new PullProgress("4c700a4a2508", "Pull complete", 0, 0)))
                .contains(new ProgressEvent("4c700a4a2508", Status.DONE, "", "Pull complete", "web", 0, 0, 100));
    }

    @Test
    void presentLayerIsDone() {
        assertThat(PullEvents.of("web", new PullProgress("202259a9dda8", "Already exists", 0, 0)).map(ProgressEvent::status))
                .contains(Status.DONE);
    }

    @Test
    void messagesAboutTheWholeImageMakeNoEvent() {
        assertThat(PullEvents.of("web", new PullProgress("latest", "Pulling from library/busybox", 0, 0))).isEmpty();
        assertThat(PullEvents.of("web", new PullProgress("", "Digest: sha256:abc", 0, 0))).isEmpty();
        assertThat(PullEvents.of("web", new PullProgress("", "Status: Downloaded newer image for busybox:latest", 0, 0)))
                .isEmpty();
    }
}
