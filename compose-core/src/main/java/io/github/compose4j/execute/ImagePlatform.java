package io.github.compose4j.execute;

import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

/** The platform an image is pulled for: the service's, else the project's {@code DOCKER_DEFAULT_PLATFORM}. */
final class ImagePlatform {
    private ImagePlatform() {
    }

    static String of(Project project, Service service) {
        if (!service.platform().isEmpty()) {
            return service.platform();
        }
        return project.environment().getOrDefault("DOCKER_DEFAULT_PLATFORM", "");
    }
}
