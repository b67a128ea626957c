package io.github.compose4j.oneoff;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.canonical.ModelBinder;
import io.github.compose4j.load.canonical.PortSpec;
import io.github.compose4j.load.canonical.VolumeSpec;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.model.Mount;
import io.github.compose4j.model.Port;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;
import io.github.compose4j.select.Selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How {@code run}'s flags change the project and the service it runs a one-off of, as Compose applies them. */
public final class RunProjects {
    private RunProjects() {
    }

    /**
     * The project as {@code run} sees it: only the service with {@code --no-deps}; the service with the
     * requested TTY and stdin, its ports replaced by {@code --publish} unless {@code --service-ports}, and the
     * extra volumes.
     */
    public static Project apply(Project project, RunRequest r) {
        Project p = r.noDeps() ? Selection.withOnlyServices(project, List.of(r.service())) : project;
        Service target = p.services().get(r.service());
        if (target == null) {
            throw new ComposeException(Failure.GENERAL, "no such service: " + r.service());
        }
        target = RecordShape.with(target, "tty", r.tty());
        target = RecordShape.with(target, "stdinOpen", r.interactive());
        if (!r.servicePorts()) {
            List<Port> ports = new ArrayList<>();
            for (String spec : r.publish()) {
                ports.addAll(ports(spec));
            }
            target = RecordShape.with(target, "ports", List.copyOf(ports));
        }
        if (!r.volumes().isEmpty()) {
            List<Mount> volumes = new ArrayList<>(target.volumes());
            for (String v : r.volumes()) {
                volumes.add((Mount) ModelBinder.value(Nodes.of(VolumeSpec.parse(v), Mark.NONE), Mount.class,
                        "volumes"));
            }
            target = RecordShape.with(target, "volumes", List.copyOf(volumes));
        }
        return withService(p, target);
    }

    /** The project without the run service, for starting its dependencies (the service counts as disabled). */
    public static Project dependencies(Project project, String service) {
        Map<String, Service> services = new LinkedHashMap<>(project.services());
        Service target = services.remove(service);
        Map<String, Service> disabled = new LinkedHashMap<>(project.disabledServices());
        disabled.put(service, target);
        Project p = RecordShape.with(project, "services", Collections.unmodifiableMap(services));
        return RecordShape.with(p, "disabledServices", Collections.unmodifiableMap(disabled));
    }

    /**
     * The one-off's service: named as asked (never its {@code container_name}), a single replica that is
     * never restarted, with the command, user, capabilities, working directory, entrypoint, environment and
     * labels of the flags.
     */
    public static Service oneOff(Project project, Service service, RunRequest r) {
        Service s = RecordShape.with(service, "containerName", r.name());
        if (!r.command().isEmpty()) {
            s = RecordShape.with(s, "command", Optional.of(r.command()));
        }
        if (!r.user().isEmpty()) {
            s = RecordShape.with(s, "user", r.user());
        }
        if (!r.capAdd().isEmpty()) {
            List<String> add = new ArrayList<>(s.capAdd());
            add.addAll(r.capAdd());
            List<String> drop = new ArrayList<>(s.capDrop());
            drop.removeAll(r.capAdd());
            s = RecordShape.with(RecordShape.with(s, "capAdd", List.copyOf(add)), "capDrop", List.copyOf(drop));
        }
        if (!r.capDrop().isEmpty()) {
            List<String> drop = new ArrayList<>(s.capDrop());
            drop.addAll(r.capDrop());
            List<String> add = new ArrayList<>(s.capAdd());
            add.removeAll(r.capDrop());
            s = RecordShape.with(RecordShape.with(s, "capAdd", List.copyOf(add)), "capDrop", List.copyOf(drop));
        }
        if (!r.workingDir().isEmpty()) {
            s = RecordShape.with(s, "workingDir", r.workingDir());
        }
        if (r.entrypoint().isPresent()) {
            s = RecordShape.with(s, "entrypoint", Optional.of(r.entrypoint().get()));
            if (r.command().isEmpty()) {
                s = RecordShape.with(s, "command", Optional.of(List.<String>of()));
            }
        }
        if (!r.environment().isEmpty()) {
            Map<String, Optional<String>> env = new TreeMap<>(s.environment());
            for (String e : r.environment()) {
                int eq = e.indexOf('=');
                if (eq >= 0) {
                    env.put(e.substring(0, eq), Optional.of(e.substring(eq + 1)));
                } else {
                    String value = project.environment().get(e);
                    if (value != null) {
                        env.put(e, Optional.of(value));
                    }
                }
            }
            s = RecordShape.with(s, "environment", Collections.unmodifiableMap(env));
        }
        if (!r.labels().isEmpty()) {
            Map<String, String> labels = new TreeMap<>(s.labels());
            labels.putAll(r.labels());
            s = RecordShape.with(s, "labels", Collections.unmodifiableMap(labels));
        }
        s = RecordShape.with(s, "scale", Optional.of(1L));
        s = RecordShape.with(s, "restart", "");
        if (s.deploy().isPresent()) {
            s = RecordShape.with(s, "deploy", Optional.of(RecordShape.with(s.deploy().get(), "restartPolicy",
                    Optional.empty())));
        }
        return s;
    }

    static Project withService(Project p, Service s) {
        Map<String, Service> services = new LinkedHashMap<>(p.services());
        services.put(s.name(), s);
        return RecordShape.with(p, "services", Collections.unmodifiableMap(services));
    }

    private static List<Port> ports(String spec) {
        try {
            List<Port> out = new ArrayList<>();
            for (PortSpec.Binding b : PortSpec.parse(spec)) {
                out.add((Port) ModelBinder.value(Nodes.of(PortSpec.toLongSyntax(b), Mark.NONE), Port.class, "ports"));
            }
            return out;
        } catch (PortSpec.InvalidPortException e) {
            throw new ComposeException(Failure.GENERAL, e.getMessage());
        }
    }
}
