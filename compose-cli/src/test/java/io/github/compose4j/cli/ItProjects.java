package io.github.compose4j.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The projects a test creates, every one of them removed from the daemon after the test whatever its outcome
 * (a test that creates several no longer leaves the earlier ones behind). Register it with
 * {@code @RegisterExtension final ItProjects projects = new ItProjects();}.
 */
final class ItProjects implements AfterEachCallback {
    private final List<ItProject> created = new ArrayList<>();

    /** As {@link ItProject#create(Path, String)}, removed after the test. */
    ItProject create(Path parent, String composeYaml) {
        ItProject project = ItProject.create(parent, composeYaml);
        created.add(project);
        return project;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int i = created.size() - 1; i >= 0; i--) {
            created.get(i).close();
        }
        created.clear();
    }
}
