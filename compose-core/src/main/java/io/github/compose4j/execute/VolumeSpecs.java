package io.github.compose4j.execute;

import io.github.compose4j.engine.VolumeSpec;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Volume;

/** Project volumes as volume-create requests. */
public final class VolumeSpecs {
    private VolumeSpecs() {
    }

    /** The volume to create for a project volume key (external volumes are looked up, never created). */
    public static VolumeSpec of(Project project, String key, String composeVersion) {
        Volume v = project.volumes().get(key);
        if (v == null) {
            throw new IllegalArgumentException("no volume " + key + " in project " + project.name());
        }
        return new VolumeSpec(v.name(), v.driver(), v.driverOpts(),
                ComposeLabels.volume(project, key, v.labels(), composeVersion));
    }
}
