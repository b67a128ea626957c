package io.github.compose4j.validate;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.graph.DependencyGraph;
import io.github.compose4j.model.Build;
import io.github.compose4j.model.Deploy;
import io.github.compose4j.model.FileMount;
import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.Mount;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Resource;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.WatchTrigger;
import io.github.compose4j.model.codec.RecordShape;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cross-reference rules on a bound project: every reference (network, volume, secret, config,
 * service) resolves, mutually exclusive attributes are not combined, and {@code depends_on} has no
 * cycle. Messages use Compose's wording.
 */
public final class ProjectValidator {
    private ProjectValidator() {
    }

    /**
     * Checks the project; returns it with {@code deploy.replicas} aligned on {@code scale} where both
     * are set, as Compose leaves it after this check.
     */
    public static Project check(Project project) {
        Map<String, Service> aligned = new java.util.LinkedHashMap<>(project.services());
        // Services in name order, for the first error to be Compose's (an array sorts faster than a tree).
        String[] names = project.services().keySet().toArray(new String[0]);
        java.util.Arrays.sort(names);
        for (String name : names) {
            Service s = project.services().get(name);
            service(project, name, s);
            if (s.scale().isPresent() && s.deploy().isPresent()) {
                aligned.put(name, RecordShape.with(s, "deploy",
                        Optional.of(RecordShape.with(s.deploy().get(), "replicas", s.scale()))));
            }
        }
        for (Map.Entry<String, FileObject> e : new TreeMap<>(project.secrets()).entrySet()) {
            FileObject s = e.getValue();
            if (!s.external() && s.file().isEmpty() && s.environment().isEmpty()) {
                throw invalid("secret \"" + e.getKey() + "\" must declare either `file` or `environment`: invalid compose project");
            }
        }
        DependencyGraph.cycleOf(project.services()).ifPresent(cycle -> {
            throw invalid("dependency cycle detected: " + String.join(" -> ", cycle));
        });
        return RecordShape.with(project, "services", java.util.Collections.unmodifiableMap(aligned));
    }

    private static void service(Project project, String name, Service s) {
        if (s.build().isEmpty() && s.image().isEmpty()) {
            throw invalid("service \"" + s.name() + "\" has neither an image nor a build context specified: invalid compose project");
        }
        if (s.build().isPresent()) {
            Build b = s.build().get();
            if (!b.dockerfileInline().isEmpty() && !b.dockerfile().isEmpty()) {
                throw invalid("service \"" + s.name() + "\" declares mutualy exclusive dockerfile and dockerfile_inline: invalid compose project");
            }
            for (Map.Entry<String, String> c : sorted(b.additionalContexts()).entrySet()) {
                if (c.getValue().startsWith("service:")) {
                    String target = c.getValue().substring("service:".length());
                    Service t = project.services().get(target);
                    if (t == null) {
                        throw invalid("service \"" + name + "\" declares unknown service \"" + target
                                + "\" as additional contexts " + c.getKey());
                    }
                    if (t.build().isEmpty()) {
                        throw invalid("service \"" + name + "\" declares non-buildable service \"" + target
                                + "\" as additional contexts " + c.getKey());
                    }
                }
            }
            if (!b.platforms().isEmpty() && !s.platform().isEmpty() && !b.platforms().contains(s.platform())) {
                throw invalid("service.build.platforms MUST include service.platform \"" + s.platform()
                        + "\": invalid compose project");
            }
        }
        if (!s.networkMode().isEmpty() && !s.networks().isEmpty()) {
            throw invalid("service " + s.name() + " declares mutually exclusive `network_mode` and `networks`: invalid compose project");
        }
        for (String network : sorted(s.networks()).keySet()) {
            if (!project.networks().containsKey(network)) {
                throw invalid("service \"" + s.name() + "\" refers to undefined network " + network + ": invalid compose project");
            }
        }
        s.healthcheck().ifPresent(h -> {
            if (!h.test().isEmpty() && !List.of("CMD", "CMD-SHELL", "NONE").contains(h.test().get(0))) {
                throw invalid("healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
            }
        });
        for (Map.Entry<String, io.github.compose4j.model.Dependency> d : sorted(s.dependsOn()).entrySet()) {
            if (!project.services().containsKey(d.getKey())) {
                if (project.disabledServices().containsKey(d.getKey()) && !d.getValue().required()) {
                    continue;
                }
                throw invalid("service \"" + s.name() + "\" depends on undefined service \"" + d.getKey() + "\": invalid compose project");
            }
        }
        if (s.networkMode().startsWith("service:")) {
            String ref = s.networkMode().substring("service:".length());
            if (!project.services().containsKey(ref)) {
                throw invalid("service \"" + ref + "\" not found for network_mode 'service:" + ref + "'");
            }
        }
        for (Mount v : s.volumes()) {
            if (v.type().equals("volume") && !v.source().isEmpty() && !project.volumes().containsKey(v.source())) {
                throw invalid("service \"" + s.name() + "\" refers to undefined volume " + v.source() + ": invalid compose project");
            }
        }
        if (s.build().isPresent()) {
            for (FileMount secret : s.build().get().secrets()) {
                if (!project.secrets().containsKey(secret.source())) {
                    throw invalid("service \"" + s.name() + "\" refers to undefined build secret " + secret.source() + ": invalid compose project");
                }
            }
        }
        for (FileMount c : s.configs()) {
            if (!project.configs().containsKey(c.source())) {
                throw invalid("service \"" + s.name() + "\" refers to undefined config " + c.source() + ": invalid compose project");
            }
        }
        for (FileMount c : s.secrets()) {
            if (!project.secrets().containsKey(c.source())) {
                throw invalid("service \"" + s.name() + "\" refers to undefined secret " + c.source() + ": invalid compose project");
            }
        }
        Optional<Deploy> deploy = s.deploy();
        if (s.scale().isPresent() && deploy.isPresent() && deploy.get().replicas().isPresent()
                && !s.scale().get().equals(deploy.get().replicas().get())) {
            throw invalid("services." + s.name() + ": can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project");
        }
        Optional<Resource> limits = deploy.flatMap(d -> d.resources().limits());
        Optional<Resource> reservations = deploy.flatMap(d -> d.resources().reservations());
        if (s.cpus() != 0 && limits.isPresent() && limits.get().cpus() != s.cpus()) {
            throw invalid("services." + s.name() + ": can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': invalid compose project");
        }
        if (!s.memLimit().isZero() && limits.isPresent() && !limits.get().memory().equals(s.memLimit())) {
            throw invalid("services." + s.name() + ": can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory': invalid compose project");
        }
        if (!s.memReservation().isZero() && reservations.isPresent() && !reservations.get().memory().equals(s.memReservation())) {
            throw invalid("services." + s.name() + ": can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory': invalid compose project");
        }
        if (s.pidsLimit() != 0 && limits.isPresent() && limits.get().pids() != s.pidsLimit()) {
            throw invalid("services." + s.name() + ": can't set distinct values on 'pids_limit' and 'deploy.resources.limits.pids': invalid compose project");
        }
        if (s.replicas() > 1 && !s.containerName().isEmpty()) {
            String attr = s.scale().isPresent() ? "scale" : "deploy.replicas";
            throw invalid("services." + attr + ": can't set container_name and " + s.name()
                    + " as container name must be unique: invalid compose project");
        }
        if (s.develop().isPresent()) {
            for (WatchTrigger w : s.develop().get().watch()) {
                if (w.target().isEmpty() && !w.action().equals("rebuild") && !w.action().equals("restart")) {
                    throw invalid("services." + s.name() + ".develop.watch: target is required for non-rebuild actions: invalid compose project");
                }
            }
        }
    }

    /** The map in key order, for the first error to be Compose's; small maps are returned as they are. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map.size() < 2 ? map : new TreeMap<>(map);
    }

    private static ComposeException invalid(String message) {
        return ComposeException.invalid(message);
    }
}
