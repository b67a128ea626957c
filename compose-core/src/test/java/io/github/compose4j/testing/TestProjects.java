package io.github.compose4j.testing;

import io.github.compose4j.load.canonical.Canonical;
import io.github.compose4j.load.canonical.ProjectBinder;
import io.github.compose4j.load.tree.Warnings;
import io.github.compose4j.model.Project;
import io.github.compose4j.select.Selection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Projects bound straight from YAML text (canonical form, no paths, no normalization), for stage tests. */
public final class TestProjects {
    private TestProjects() {
    }

    /** The project of the YAML text, named {@code proj}, with the given profiles active. */
    public static Project project(String yaml, String... profiles) {
        Project p = ProjectBinder.bind(Canonical.transform(TestTrees.yaml(yaml), false, Warnings.IGNORE), "proj",
                Path.of("/p"), List.of("/p/compose.yaml"), Map.of());
        return Selection.withProfiles(p, List.of(profiles));
    }
}
