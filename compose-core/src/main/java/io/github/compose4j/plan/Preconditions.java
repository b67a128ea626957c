package io.github.compose4j.plan;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.observe.ObservedState;

import java.util.TreeMap;

/**
 * What must hold before {@code up} creates anything. Compose finds a missing image only when it creates the
 * container, after the networks and the other services' containers exist; compose4j refuses the plan instead, so a
 * failing {@code up} leaves nothing behind.
 */
final class Preconditions {
    private Preconditions() {
    }

    /**
     * Fails when a service's image is absent and nothing will bring it: no build, and no pull (its pull policy is
     * {@code never}, or the pulls are over).
     */
    static void checkImages(Project project, ObservedState observed, boolean pullsPlanned) {
        for (Service s : new TreeMap<>(project.services()).values()) {
            if (s.build().isPresent() || s.image().isEmpty()) {
                continue;
            }
            String image = ObservedState.imageOf(project, s);
            if (observed.image(image).isPresent()) {
                continue;
            }
            boolean pulled = pullsPlanned && !s.pullPolicy().equals("never") && !s.pullPolicy().equals("build");
            if (!pulled && !s.pullPolicy().equals("build")) {
                throw new ComposeException(Failure.GENERAL, "Error response from daemon: No such image: " + image);
            }
        }
    }
}
