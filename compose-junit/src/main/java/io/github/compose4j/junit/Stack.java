package io.github.compose4j.junit;

import io.github.compose4j.api.ComposeProject;
import io.github.compose4j.api.UpSettings;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A stack brought up for tests: unique name, owner marker, {@code up} with Compose's readiness and the extra
 * checks; then removed, kept on failure, or (reused) left for the next run.
 */
final class Stack implements AutoCloseable {
    private final StackDefinition definition;
    private final ComposeProject project;
    private final Janitor janitor;
    private final String dockerHost;
    private volatile boolean failed;
    private volatile boolean finished;

    private Stack(StackDefinition definition, ComposeProject project, Janitor janitor, String dockerHost) {
        this.definition = definition;
        this.project = project;
        this.janitor = janitor;
        this.dockerHost = dockerHost;
    }

    /**
     * Brings the stack up and waits until it is ready. When it does not become ready the stack is removed (unless
     * kept on failure) and the diagnostic error thrown.
     */
    static Stack start(StackDefinition definition, Engine engine, String dockerHost, ProgressListener listener) {
        String name = definition.reuse() ? definition.baseName()
                : definition.baseName() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ComposeProject project = ComposeProject.open(engine, definition.source().withProjectName(name), listener);
        Janitor janitor = new Janitor(engine);
        Stack stack = new Stack(definition, project, janitor, dockerHost);
        if (!definition.reuse()) {
            janitor.mark(name, Owner.current());
        }
        try {
            project.up(UpSettings.defaults().withTimeout(definition.timeout()));
            ExtraChecks.await(project, dockerHost, definition.checks());
        } catch (RuntimeException e) {
            stack.failed();
            try {
                stack.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return stack;
    }

    ComposeProject project() {
        return project;
    }

    StackDefinition definition() {
        return definition;
    }

    ServiceHandle service(String name, int index) {
        if (!project.project().services().containsKey(name)) {
            throw new IllegalArgumentException("project " + project.name() + " has no service \"" + name + "\"");
        }
        return new ServiceHandle(project, name, index, dockerHost);
    }

    boolean hasService(String name) {
        return project.project().services().containsKey(name);
    }

    /** A test using this stack failed. */
    void failed() {
        failed = true;
    }

    /** Whether the stack is left in place, and why; empty when it is removed. */
    String keptBecause() {
        if (definition.reuse()) {
            return "reused";
        }
        if (failed && definition.keepOnFailure()) {
            return "kept on failure";
        }
        return "";
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        if (!keptBecause().isEmpty()) {
            project.keep();
            project.close();
            // A stack kept on purpose is the user's to remove: the next run's janitor leaves it alone.
            janitor.unmark(project.name());
            return;
        }
        project.down(true);
        project.keep();
        project.close();
        janitor.unmark(project.name());
    }
}
