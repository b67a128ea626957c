package io.github.compose4j.execute;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.observe.ConfigHash;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.plan.References;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates {@code run}'s one-off containers the way Compose's create does for a service, with the one-off
 * labels: {@code com.docker.compose.oneoff=True} and the container's random slug.
 */
public final class OneOffContainers {
    private final Engine engine;
    private final ProgressListener listener;
    private final ExecutionOptions options;

    public OneOffContainers(Engine engine, ProgressListener listener, ExecutionOptions options) {
        this.engine = engine;
        this.listener = listener;
        this.options = options;
    }

    /**
     * What a one-off is created as.
     *
     * @param name        the container name
     * @param slug        its 64-hex random id, recorded as a label
     * @param useAliases  whether the service's aliases are the container's too ({@code --use-aliases})
     * @param autoRemove  removed by the engine when it exits ({@code --rm})
     * @param attachStdin standard input attached ({@code -i}, Compose's default)
     */
    public record OneOff(String name, String slug, boolean useAliases, boolean autoRemove, boolean attachStdin) {
    }

    /** Waits for the service's dependency conditions, as Compose does unless told {@code --no-deps}. */
    public void waitDependencies(Project project, Service service) {
        ObservedState observed = ObservedState.capture(engine, project);
        new StepRunner(engine, listener, new Runtime(project, observed, io.github.compose4j.observe.ConfigHashes.lazy(), false), options)
                .waitOneOffDependencies(service.name(), service.dependsOn());
    }

    /** Creates the one-off container of {@code service} (the project's service as {@code run} changed it); its id. */
    public String create(Project project, Service service, OneOff oneOff) {
        ObservedState observed = ObservedState.capture(engine, project);
        ResolvedReferences refs = new Runtime(project, observed, io.github.compose4j.observe.ConfigHashes.lazy(), false).references();
        Service resolved = References.resolve(service, target -> {
            List<ResolvedReferences.ContainerRef> cs = refs.containers().getOrDefault(target, List.of());
            return cs.isEmpty() ? "" : cs.get(0).id();
        });
        Optional<ImageSummary> img = engine.inspectImage(ObservedState.imageOf(project, service));
        Map<String, String> serviceLabels = new java.util.LinkedHashMap<>(ComposeLabels.service(project,
                service.name(), Labels.COMPOSE_VERSION, options.envFiles(), true));
        serviceLabels.put(Labels.SLUG, oneOff.slug());
        Map<String, String> labels = ComposeLabels.container(service, serviceLabels, img.map(ImageSummary::id),
                Optional.empty(), ConfigHash.of(resolved), 1);
        ContainerRequest request = new ContainerRequest(project, service, 1, oneOff.name(), labels, refs,
                engine.apiVersion(), oneOff.useAliases(), oneOff.autoRemove(), oneOff.attachStdin(), List.of(),
                Set.of(), options.home());
        ContainerCreation creation = ContainerSpecs.build(request);
        creation.warnings().forEach(listener::warning);
        String id;
        try {
            id = engine.createContainer(creation.spec());
        } catch (EngineException e) {
            throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
        }
        for (ContainerCreation.NetworkAttachment n : creation.connectAfterCreate()) {
            engine.connectNetwork(n.network(), id, n.endpoint());
        }
        for (FileCopy f : InjectedFiles.of(project, service, Instant.now())) {
            engine.copyToContainer(id, f.directory(), f.tar(), f.copyUidGid());
        }
        return id;
    }
}
