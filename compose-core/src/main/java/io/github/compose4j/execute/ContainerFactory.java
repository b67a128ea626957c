package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.EndpointSpec;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.VolumeSpec;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the model into engine specs; the executor asks it at the moment it creates each object. */
public interface ContainerFactory {

    /** A container to create, with everything the engine needs at creation. */
    record Request(Project project, Service service, int number, String name, String configHash, String imageId,
                   Map<String, String> extraLabels, Optional<ContainerDetails> replaced, String apiVersion,
                   Map<String, String> firstContainerIds, Map<String, List<String>> serviceContainerNames) {
    }

    /** What creating a container involves: the create call, networks to connect after it, files to copy in. */
    record Creation(ContainerSpec spec, Map<String, EndpointSpec> connectAfterCreate, List<FileCopy> files) {
    }

    /** A tar archive to extract into a directory of the container (secrets and configs). */
    record FileCopy(String directory, byte[] tar) {
    }

    Creation container(Request request);

    NetworkSpec network(Project project, String key);

    VolumeSpec volume(Project project, String key);
}
