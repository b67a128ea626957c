package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerDetails.MountState;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.canonical.GoPaths;
import io.github.compose4j.model.FileMount;
import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.Mount;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's volumes, secrets and configs as the host config's {@code Binds} and {@code Mounts}.
 * Compose prefers {@code Mounts}, but a mount cannot create a missing host path, so binds that may
 * have to ({@code create_host_path}, short syntax) and volumes that are binds in disguise
 * (driver option {@code o: bind}) go as {@code Binds} strings. Compose collects mounts in a Go map,
 * so their order varies between runs; here they are ordered by target.
 */
final class VolumeMounts {
    static final String SECRETS_DIR = "/run/secrets/";
    static final String CONFIGS_DIR = "/";

    private final Project project;
    private final List<String> warnings;

    private VolumeMounts(Project project, List<String> warnings) {
        this.project = project;
        this.warnings = warnings;
    }

    record Result(List<String> binds, List<ContainerSpec.Mount> mounts) {
    }

    static Result build(Project project, Service service, List<MountState> inherited, Set<String> imageVolumes,
                        List<String> warnings) {
        return new VolumeMounts(project, warnings).build(service, inherited, imageVolumes);
    }

    private Result build(Service service, List<MountState> inherited, Set<String> imageVolumes) {
        Map<String, ContainerSpec.Mount> byTarget = new TreeMap<>();
        List<Mount> volumes = new ArrayList<>(service.volumes());
        for (MountState m : inherited) {
            if (m.type().equals("tmpfs")) {
                continue;
            }
            String source = m.type().equals("volume") ? m.name() : m.source();
            String destination = GoPaths.clean(m.destination());
            ContainerSpec.Mount carried = new ContainerSpec.Mount(m.type(), source, destination, !m.readWrite(), "",
                    Optional.empty(), Optional.empty(), Optional.empty());
            if (imageVolumes.contains(destination)) {
                byTarget.put(destination, carried);
            }
            // An anonymous volume at the same target is replaced by the one the old container used.
            if (volumes.removeIf(v -> v.target().equals(destination) && v.source().isEmpty())) {
                byTarget.put(destination, carried);
            }
        }
        for (Mount v : volumes) {
            ContainerSpec.Mount m = mount(v);
            byTarget.put(m.target(), m);
        }
        secretMounts(service).forEach(byTarget::putIfAbsent);
        configMounts(service).forEach(byTarget::putIfAbsent);

        List<String> binds = new ArrayList<>();
        List<ContainerSpec.Mount> mounts = new ArrayList<>();
        for (ContainerSpec.Mount m : byTarget.values()) {
            Optional<String> bind = m.type().equals("bind") ? asBind(service, m) : Optional.empty();
            if (bind.isPresent()) {
                binds.add(bind.get());
            } else {
                mounts.add(m);
            }
        }
        return new Result(binds, mounts);
    }

    private static Optional<String> asBind(Service service, ContainerSpec.Mount m) {
        for (Mount v : service.volumes()) {
            if (!v.target().equals(m.target())) {
                continue;
            }
            if (!v.type().equals(m.type())) {
                return Optional.of(bindString(m.source(), v));
            }
            if (v.bind().isPresent() && v.bind().get().createHostPath()) {
                return Optional.of(bindString(v.source(), v));
            }
        }
        return Optional.empty();
    }

    /** {@code source:target:options}, options being rw/ro, then SELinux label, propagation, nocopy. */
    static String bindString(String source, Mount v) {
        List<String> options = new ArrayList<>();
        options.add(v.readOnly() ? "ro" : "rw");
        v.bind().ifPresent(b -> {
            if (!b.selinux().isEmpty()) {
                options.add(b.selinux());
            }
            if (!b.propagation().isEmpty()) {
                options.add(b.propagation());
            }
        });
        if (v.volume().isPresent() && v.volume().get().nocopy()) {
            options.add("nocopy");
        }
        return source + ":" + v.target() + ":" + String.join(",", options);
    }

    private ContainerSpec.Mount mount(Mount v) {
        String source = v.source();
        String type = v.type();
        if (type.equals("bind") && !source.startsWith("/")) {
            // The loader already made bind sources absolute; this covers models built without path resolution.
            source = project.workingDir() == null ? source : GoPaths.join(project.workingDir().toString(), source);
        }
        Optional<Volume> projectVolume = type.equals("volume") && !v.source().isEmpty()
                ? Optional.ofNullable(project.volumes().get(v.source())) : Optional.empty();
        if (projectVolume.isPresent()) {
            source = projectVolume.get().name();
        }
        Optional<ContainerSpec.BindOptions> bind = Optional.empty();
        Optional<ContainerSpec.VolumeOptions> volume = Optional.empty();
        Optional<ContainerSpec.TmpfsOptions> tmpfs = Optional.empty();
        switch (type) {
            case "bind" -> {
                warnIf(v.volume().isPresent(), "bind", "volume");
                warnIf(v.tmpfs().isPresent(), "bind", "tmpfs");
                bind = v.bind().map(b -> new ContainerSpec.BindOptions(b.propagation(), false, ""));
            }
            case "volume" -> {
                warnIf(v.bind().isPresent(), "volume", "bind");
                warnIf(v.tmpfs().isPresent(), "volume", "tmpfs");
                if (projectVolume.isPresent() && "bind".equals(projectVolume.get().driverOpts().get("o"))) {
                    bind = Optional.of(new ContainerSpec.BindOptions("", false, ""));
                } else {
                    volume = v.volume().map(o -> new ContainerSpec.VolumeOptions(o.nocopy(), o.subpath(), Map.of()));
                }
            }
            case "tmpfs" -> {
                warnIf(v.bind().isPresent(), "tmpfs", "bind");
                warnIf(v.volume().isPresent(), "tmpfs", "volume");
                tmpfs = v.tmpfs().map(t -> new ContainerSpec.TmpfsOptions(t.size().value(), (int) t.mode()));
            }
            default -> {
            }
        }
        if (bind.isPresent()) {
            type = "bind";
        }
        return new ContainerSpec.Mount(type, source, GoPaths.clean(v.target()), v.readOnly(), v.consistency(),
                bind, volume, tmpfs);
    }

    private void warnIf(boolean present, String type, String option) {
        if (present) {
            warnings.add("mount of type `" + type + "` should not define `" + option + "` option");
        }
    }

    private Map<String, ContainerSpec.Mount> secretMounts(Service service) {
        Map<String, ContainerSpec.Mount> mounts = new TreeMap<>();
        for (FileMount ref : service.secrets()) {
            String target = target(ref, SECRETS_DIR);
            if (hasOwnership(ref)) {
                warnings.add("secrets `uid`, `gid` and `mode` are not supported, they will be ignored");
            }
            FileObject secret = definition(project.secrets(), ref);
            if (secret.external()) {
                throw ComposeException.invalid("unsupported external secret " + secret.name());
            }
            if (!secret.driver().isEmpty()) {
                throw ComposeException.invalid("Docker Compose does not support secrets.*.driver");
            }
            if (!secret.templateDriver().isEmpty()) {
                throw ComposeException.invalid("Docker Compose does not support secrets.*.template_driver");
            }
            if (!secret.environment().isEmpty()) {
                continue;
            }
            mounts.put(target, fileMount(secret.file(), target));
        }
        return mounts;
    }

    private Map<String, ContainerSpec.Mount> configMounts(Service service) {
        Map<String, ContainerSpec.Mount> mounts = new TreeMap<>();
        for (FileMount ref : service.configs()) {
            String target = target(ref, CONFIGS_DIR);
            if (hasOwnership(ref)) {
                warnings.add("config `uid`, `gid` and `mode` are not supported, they will be ignored");
            }
            FileObject config = definition(project.configs(), ref);
            if (config.external()) {
                throw ComposeException.invalid("unsupported external config " + config.name());
            }
            if (!config.driver().isEmpty()) {
                throw ComposeException.invalid("Docker Compose does not support configs.*.driver");
            }
            if (!config.templateDriver().isEmpty()) {
                throw ComposeException.invalid("Docker Compose does not support configs.*.template_driver");
            }
            if (!config.environment().isEmpty() || !config.content().isEmpty()) {
                continue;
            }
            mounts.put(target, fileMount(config.file(), target));
        }
        return mounts;
    }

    private ContainerSpec.Mount fileMount(String file, String target) {
        String source = file;
        if (!source.startsWith("/") && project.workingDir() != null) {
            source = GoPaths.join(project.workingDir().toString(), source);
        }
        return new ContainerSpec.Mount("bind", source, GoPaths.clean(target), true, "", Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static FileObject definition(Map<String, FileObject> defined, FileMount ref) {
        FileObject f = defined.get(ref.source());
        if (f == null) {
            throw ComposeException.invalid("undefined secret or config " + ref.source());
        }
        return f;
    }

    /** The bind-mount target of a secret or config: its target, under {@code base} unless absolute. */
    static String target(FileMount ref, String base) {
        if (ref.target().isEmpty()) {
            return base + ref.source();
        }
        return isAbsTarget(ref.target()) ? ref.target() : base + ref.target();
    }

    private static boolean hasOwnership(FileMount ref) {
        return !ref.uid().isEmpty() || !ref.gid().isEmpty() || ref.mode().isPresent();
    }

    static boolean isAbsTarget(String p) {
        if (p.startsWith("/") || p.startsWith("\\\\")) {
            return true;
        }
        return p.length() > 2 && p.charAt(1) == ':' && p.charAt(2) == '\\';
    }
}
