package io.github.compose4j.stack;

import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.IpamPoolSpec;
import io.github.compose4j.engine.swarm.Endpoint;
import io.github.compose4j.engine.swarm.ServiceMode;
import io.github.compose4j.engine.swarm.ServiceSpec;
import io.github.compose4j.engine.swarm.SwarmFile;
import io.github.compose4j.engine.swarm.SwarmFileSpec;
import io.github.compose4j.engine.swarm.TaskContainer;
import io.github.compose4j.engine.swarm.TaskSpec;
import io.github.compose4j.engine.swarm.UpdatePolicy;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.Deploy;
import io.github.compose4j.model.FileMount;
import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.Healthcheck;
import io.github.compose4j.model.Mount;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Port;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Resource;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.ServiceNetwork;
import io.github.compose4j.model.Volume;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mapping from a compose project to Swarm specs, as {@code docker stack deploy} does it, without side effects:
 * file contents of secrets and configs are given. Secrets and configs are immutable on a swarm, so each one's name
 * carries a digest of its content ({@code <stack>_<key>-<8 hex>}): new content is a new object, and the services
 * using it get updated. An explicit {@code name:} is kept as it is.
 */
public final class StackConverter {
    /** Attributes a swarm cannot honour, with why; each used one is a warning. */
    private static final Map<String, String> IGNORED = ignored();

    private StackConverter() {
    }

    /**
     * @param secretData content of each non-external secret by key (empty for a driver-provided one)
     * @param configData content of each non-external config by key
     */
    public static StackSpec convert(Project project, String stack, Map<String, byte[]> secretData,
                                    Map<String, byte[]> configData) {
        List<String> warnings = warnings(project);
        Map<String, String> secretNames = new TreeMap<>();
        Map<String, String> configNames = new TreeMap<>();
        List<SwarmFileSpec> files = new ArrayList<>();
        files.addAll(fileObjects(SwarmFile.Kind.SECRET, stack, project.secrets(), secretData, secretNames));
        files.addAll(fileObjects(SwarmFile.Kind.CONFIG, stack, project.configs(), configData, configNames));

        TreeSet<String> usedNetworks = new TreeSet<>();
        for (Service s : project.services().values()) {
            usedNetworks.addAll(s.networks().isEmpty() ? List.of("default") : s.networks().keySet());
        }
        List<NetworkSpec> networks = new ArrayList<>();
        List<String> external = new ArrayList<>();
        for (String key : usedNetworks) {
            Network n = project.networks().get(key);
            if (n != null && n.external()) {
                external.add(n.name().isEmpty() ? key : n.name());
            } else {
                networks.add(network(stack, key, n));
            }
        }
        List<ServiceSpec> services = new ArrayList<>();
        for (Service s : new TreeMap<>(project.services()).values()) {
            services.add(service(project, stack, s, secretNames, configNames));
        }
        return new StackSpec(stack, networks, external, files, services, warnings);
    }

    /** The name a secret or config of the stack gets for this content. */
    public static String versionedName(String stack, String key, byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return StackLabels.scope(stack, key) + "-" + HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SwarmFileSpec> fileObjects(SwarmFile.Kind kind, String stack, Map<String, FileObject> objects,
                                                   Map<String, byte[]> data, Map<String, String> names) {
        List<SwarmFileSpec> out = new ArrayList<>();
        for (Map.Entry<String, FileObject> e : new TreeMap<>(objects).entrySet()) {
            FileObject o = e.getValue();
            if (o.external()) {
                names.put(e.getKey(), o.name().isEmpty() ? e.getKey() : o.name());
                continue;
            }
            byte[] content = data.getOrDefault(e.getKey(), new byte[0]);
            String name = o.name().isEmpty() || o.name().equals(StackLabels.scope(stack, e.getKey()))
                ? versionedName(stack, e.getKey(), content) : o.name();
            names.put(e.getKey(), name);
            Map<String, String> labels = new TreeMap<>(o.labels());
            labels.put(StackLabels.NAMESPACE, stack);
            boolean driven = kind == SwarmFile.Kind.SECRET && !o.driver().isEmpty();
            out.add(new SwarmFileSpec(kind, name, labels, driven ? new byte[0] : content,
                driven ? o.driver() : "", driven ? o.driverOpts() : Map.of(), o.templateDriver()));
        }
        return out;
    }

    private static NetworkSpec network(String stack, String key, Network n) {
        Map<String, String> labels = new TreeMap<>(n == null ? Map.of() : n.labels());
        labels.put(StackLabels.NAMESPACE, stack);
        String name = n == null || n.name().isEmpty() ? StackLabels.scope(stack, key) : n.name();
        if (n == null) {
            return new NetworkSpec(name, "overlay", Map.of(), "", List.of(), Map.of(), false, false,
                Optional.empty(), Optional.empty(), labels);
        }
        List<IpamPoolSpec> pools = new ArrayList<>();
        n.ipam().config().forEach(p -> pools.add(new IpamPoolSpec(p.subnet(), "", "", Map.of())));
        return new NetworkSpec(name, n.driver().isEmpty() ? "overlay" : n.driver(), n.driverOpts(),
            n.ipam().driver(), pools, Map.of(), n.internal(), n.attachable(), Optional.empty(), Optional.empty(),
            labels);
    }

    static ServiceSpec service(Project project, String stack, Service s, Map<String, String> secretNames,
                               Map<String, String> configNames) {
        if (s.image().isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "invalid image reference for service " + s.name()
                + ": no image specified");
        }
        Deploy deploy = s.deploy().orElse(null);
        Map<String, String> serviceLabels = new TreeMap<>(deploy == null ? Map.of() : deploy.labels());
        serviceLabels.put(StackLabels.NAMESPACE, stack);
        serviceLabels.put(StackLabels.IMAGE, s.image());
        Map<String, String> containerLabels = new TreeMap<>(s.labels());
        containerLabels.put(StackLabels.NAMESPACE, stack);

        TaskContainer container = new TaskContainer(s.image(), containerLabels, s.entrypoint().orElse(List.of()),
            s.command().orElse(List.of()), s.hostname(), environment(s), s.workingDir(), s.user(), s.groupAdd(),
            mounts(project, stack, s), s.stopGracePeriod().map(d -> d.nanos()), s.stopSignal(), s.tty(),
            s.stdinOpen(), s.readOnly(), s.healthcheck().map(StackConverter::health), hosts(s), dns(s),
            refs(s.secrets(), secretNames, "secret", s.name()), refs(s.configs(), configNames, "config", s.name()),
            s.init().orElse(false), s.sysctls(), s.capAdd(), s.capDrop(), ulimits(s));
        TaskSpec task = new TaskSpec(container, resources(deploy), restart(s, deploy), placement(deploy),
            networks(project, stack, s), s.logging().filter(l -> !l.driver().isEmpty())
                .map(l -> new TaskSpec.LogDriver(l.driver(), l.options())), 0);
        Optional<UpdatePolicy> update = deploy == null ? Optional.empty() : deploy.updateConfig().map(StackConverter::policy);
        Optional<UpdatePolicy> rollback = deploy == null ? Optional.empty()
            : deploy.rollbackConfig().map(StackConverter::policy);
        return new ServiceSpec(StackLabels.scope(stack, s.name()), serviceLabels, task, mode(s, deploy), update,
            rollback, endpoint(s, deploy));
    }

    private static ServiceMode mode(Service s, Deploy deploy) {
        String mode = deploy == null ? "" : deploy.mode();
        boolean replicasSet = s.scale().isPresent() || (deploy != null && deploy.replicas().isPresent());
        return switch (mode) {
            case "", "replicated" -> new ServiceMode(ServiceMode.Kind.REPLICATED, s.replicas());
            case "replicated-job" -> new ServiceMode(ServiceMode.Kind.REPLICATED_JOB, s.replicas());
            case "global", "global-job" -> {
                if (replicasSet) {
                    throw new ComposeException(Failure.GENERAL, "service " + s.name()
                        + ": replicas can only be used with replicated or replicated-job mode");
                }
                yield new ServiceMode(mode.equals("global") ? ServiceMode.Kind.GLOBAL : ServiceMode.Kind.GLOBAL_JOB, 0);
            }
            default -> throw new ComposeException(Failure.GENERAL, "service " + s.name() + ": unknown mode: " + mode);
        };
    }

    private static List<String> environment(Service s) {
        List<String> env = new ArrayList<>();
        s.environment().forEach((k, v) -> env.add(v.map(value -> k + "=" + value).orElse(k)));
        env.sort(null);
        return env;
    }

    private static List<TaskContainer.MountSpec> mounts(Project project, String stack, Service s) {
        List<TaskContainer.MountSpec> out = new ArrayList<>();
        for (Mount m : s.volumes()) {
            String source = m.source();
            Map<String, String> labels = Map.of();
            String driver = "";
            Map<String, String> driverOpts = Map.of();
            if (m.type().equals("volume") && !source.isEmpty()) {
                Volume v = project.volumes().get(source);
                if (v == null) {
                    throw new ComposeException(Failure.GENERAL, "service " + s.name() + ": undefined volume \""
                        + source + "\"");
                }
                source = v.name().isEmpty() ? StackLabels.scope(stack, m.source()) : v.name();
                if (!v.external()) {
                    Map<String, String> l = new TreeMap<>(v.labels());
                    l.put(StackLabels.NAMESPACE, stack);
                    labels = l;
                    driver = v.driver();
                    driverOpts = v.driverOpts();
                }
            }
            out.add(new TaskContainer.MountSpec(m.type(), source, m.target(), m.readOnly(),
                m.volume().map(o -> o.nocopy()).orElse(false), labels, driver, driverOpts,
                m.bind().map(b -> b.propagation()).orElse(""), m.tmpfs().map(t -> t.size().value()).orElse(0L)));
        }
        return out;
    }

    private static TaskContainer.Health health(Healthcheck h) {
        if (h.disable()) {
            return new TaskContainer.Health(List.of("NONE"), 0, 0, 0, 0);
        }
        return new TaskContainer.Health(h.test(), h.interval().map(d -> d.nanos()).orElse(0L),
            h.timeout().map(d -> d.nanos()).orElse(0L), h.startPeriod().map(d -> d.nanos()).orElse(0L),
            h.retries().orElse(0L));
    }

    private static List<String> hosts(Service s) {
        List<String> out = new ArrayList<>();
        s.extraHosts().hosts().forEach((host, ips) -> ips.forEach(ip -> out.add(ip + " " + host)));
        return out;
    }

    private static Optional<TaskContainer.Dns> dns(Service s) {
        if (s.dns().isEmpty() && s.dnsSearch().isEmpty() && s.dnsOpt().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TaskContainer.Dns(s.dns(), s.dnsSearch(), s.dnsOpt()));
    }

    private static List<TaskContainer.FileRef> refs(List<FileMount> mounts, Map<String, String> names, String what,
                                                    String service) {
        List<TaskContainer.FileRef> out = new ArrayList<>();
        for (FileMount m : mounts) {
            String name = names.get(m.source());
            if (name == null) {
                throw new ComposeException(Failure.GENERAL, "service " + service + ": undefined " + what + " \""
                    + m.source() + "\"");
            }
            // Swarm takes a file name under /run/secrets (or an absolute path for configs), as docker stack does.
            String target = m.target().isEmpty() ? m.source() : m.target();
            out.add(new TaskContainer.FileRef(name, "", target, m.uid().isEmpty() ? "0" : m.uid(),
                m.gid().isEmpty() ? "0" : m.gid(), m.mode().orElse(0444L)));
        }
        out.sort(Comparator.comparing(TaskContainer.FileRef::objectName));
        return out;
    }

    private static List<TaskContainer.Ulimit> ulimits(Service s) {
        List<TaskContainer.Ulimit> out = new ArrayList<>();
        new TreeMap<>(s.ulimits()).forEach((name, u) -> out.add(new TaskContainer.Ulimit(name, u.effectiveSoft(),
            u.effectiveHard())));
        return out;
    }

    private static TaskSpec.Resources resources(Deploy deploy) {
        if (deploy == null) {
            return TaskSpec.Resources.NONE;
        }
        return new TaskSpec.Resources(deploy.resources().limits().map(l -> amount(l, true)).filter(a -> !a.isEmpty()),
            deploy.resources().reservations().map(r -> amount(r, false)).filter(a -> !a.isEmpty()));
    }

    private static TaskSpec.Amount amount(Resource r, boolean limit) {
        return new TaskSpec.Amount(Math.round((double) r.cpus() * 1e9), r.memory().value(), limit ? r.pids() : 0);
    }

    private static Optional<TaskSpec.Restart> restart(Service s, Deploy deploy) {
        if (deploy != null && deploy.restartPolicy().isPresent()) {
            var p = deploy.restartPolicy().get();
            return Optional.of(new TaskSpec.Restart(p.condition(), p.delay().map(d -> d.nanos()), p.maxAttempts(),
                p.window().map(d -> d.nanos())));
        }
        String[] restart = s.restart().split(":", 2);
        Optional<Long> attempts = restart.length == 2 ? Optional.of(Long.parseLong(restart[1])).filter(n -> n > 0)
            : Optional.empty();
        return switch (restart[0]) {
            case "always", "unless-stopped" -> Optional.of(new TaskSpec.Restart("any", Optional.empty(), attempts,
                Optional.empty()));
            case "on-failure" -> Optional.of(new TaskSpec.Restart("on-failure", Optional.empty(), attempts,
                Optional.empty()));
            default -> Optional.empty();
        };
    }

    private static TaskSpec.Placement placement(Deploy deploy) {
        if (deploy == null) {
            return TaskSpec.Placement.ANYWHERE;
        }
        var p = deploy.placement();
        return new TaskSpec.Placement(p.constraints(), p.preferences().stream().map(x -> x.spread()).toList(),
            p.maxReplicasPerNode());
    }

    private static List<TaskSpec.NetworkAttachment> networks(Project project, String stack, Service s) {
        Map<String, Optional<ServiceNetwork>> joined = s.networks().isEmpty()
            ? Map.of("default", Optional.empty()) : s.networks();
        List<TaskSpec.NetworkAttachment> out = new ArrayList<>();
        joined.forEach((key, config) -> {
            Network n = project.networks().get(key);
            String target = n == null || n.name().isEmpty() ? StackLabels.scope(stack, key) : n.name();
            List<String> aliases = new ArrayList<>(config.map(ServiceNetwork::aliases).orElse(List.of()));
            aliases.add(s.name()); // as docker stack: the service answers to its short name on its networks
            out.add(new TaskSpec.NetworkAttachment(target, aliases,
                config.map(ServiceNetwork::driverOpts).orElse(Map.of())));
        });
        out.sort(Comparator.comparing(TaskSpec.NetworkAttachment::target));
        return out;
    }

    private static UpdatePolicy policy(io.github.compose4j.model.UpdateConfig u) {
        // The swarm stores "pause" when no failure action is given: set it, so that the spec read back is equal.
        return new UpdatePolicy(u.parallelism().orElse(1L), u.delay().nanos(),
            u.failureAction().isEmpty() ? "pause" : u.failureAction(), u.monitor().nanos(), u.maxFailureRatio(),
            u.order());
    }

    private static Endpoint endpoint(Service s, Deploy deploy) {
        List<Endpoint.PublishedPort> ports = new ArrayList<>();
        for (Port p : s.ports()) {
            String protocol = p.protocol().isEmpty() ? "tcp" : p.protocol();
            String mode = p.mode().isEmpty() ? "ingress" : p.mode();
            if (p.published().isEmpty()) {
                ports.add(new Endpoint.PublishedPort(protocol, p.target(), 0, mode));
                continue;
            }
            String[] range = p.published().split("-", 2);
            long first = Long.parseLong(range[0]);
            long last = range.length == 2 ? Long.parseLong(range[1]) : first;
            for (long published = first; published <= last; published++) {
                ports.add(new Endpoint.PublishedPort(protocol, p.target() + (published - first), published, mode));
            }
        }
        ports.sort(Comparator.comparing(Endpoint.PublishedPort::protocol).thenComparingLong(Endpoint.PublishedPort::target)
            .thenComparingLong(Endpoint.PublishedPort::published).thenComparing(Endpoint.PublishedPort::publishMode));
        String mode = deploy == null || deploy.endpointMode().isEmpty() ? "vip"
            : deploy.endpointMode().toLowerCase(java.util.Locale.ROOT);
        return new Endpoint(mode, ports);
    }

    /** One warning per attribute Swarm ignores, naming the services that set it. */
    static List<String> warnings(Project project) {
        Map<String, List<String>> used = new LinkedHashMap<>();
        for (String attribute : IGNORED.keySet()) {
            for (Service s : new TreeMap<>(project.services()).values()) {
                if (sets(s, attribute)) {
                    used.computeIfAbsent(attribute, a -> new ArrayList<>()).add(s.name());
                }
            }
        }
        List<String> out = new ArrayList<>();
        used.forEach((attribute, services) -> out.add("Ignoring unsupported option " + attribute + " (service"
            + (services.size() > 1 ? "s " : " ") + String.join(", ", services) + "): " + IGNORED.get(attribute)));
        return out;
    }

    private static boolean sets(Service s, String attribute) {
        return switch (attribute) {
            case "build" -> s.build().isPresent();
            case "cgroup" -> !s.cgroup().isEmpty();
            case "cgroup_parent" -> !s.cgroupParent().isEmpty();
            case "container_name" -> !s.containerName().isEmpty();
            case "cpu_quota" -> s.cpuQuota() != 0;
            case "cpu_shares" -> s.cpuShares() != 0;
            case "cpuset" -> !s.cpuset().isEmpty();
            case "depends_on" -> !s.dependsOn().isEmpty();
            case "devices" -> !s.devices().isEmpty();
            case "domainname" -> !s.domainname().isEmpty();
            case "expose" -> !s.expose().isEmpty();
            case "external_links" -> !s.externalLinks().isEmpty();
            case "ipc" -> !s.ipc().isEmpty();
            case "links" -> !s.links().isEmpty();
            case "mac_address" -> !s.macAddress().isEmpty();
            case "mem_limit" -> !s.memLimit().isZero();
            case "memswap_limit" -> !s.memswapLimit().isZero();
            case "network_mode" -> !s.networkMode().isEmpty();
            case "pid" -> !s.pid().isEmpty();
            case "privileged" -> s.privileged();
            case "security_opt" -> !s.securityOpt().isEmpty();
            case "shm_size" -> !s.shmSize().isZero();
            case "userns_mode" -> !s.usernsMode().isEmpty();
            case "volumes_from" -> !s.volumesFrom().isEmpty();
            default -> false;
        };
    }

    private static Map<String, String> ignored() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("build", "a swarm runs images from a registry; build and push the image first");
        m.put("cgroup", "not supported by Swarm services");
        m.put("cgroup_parent", "not supported by Swarm services");
        m.put("container_name", "Setting the container name is not supported.");
        m.put("cpu_quota", "Set resource limits using deploy.resources");
        m.put("cpu_shares", "Set resource limits using deploy.resources");
        m.put("cpuset", "Set resource limits using deploy.resources");
        m.put("depends_on", "Swarm starts services in no particular order");
        m.put("devices", "not supported by Swarm services");
        m.put("domainname", "not supported by Swarm services");
        m.put("expose", "Exposing ports is unnecessary - services on the same network can access each other's "
            + "containers on any port.");
        m.put("external_links", "not supported by Swarm services");
        m.put("ipc", "not supported by Swarm services");
        m.put("links", "services on the same network reach each other by name");
        m.put("mac_address", "not supported by Swarm services");
        m.put("mem_limit", "Set resource limits using deploy.resources");
        m.put("memswap_limit", "Set resource limits using deploy.resources");
        m.put("network_mode", "not supported by Swarm services");
        m.put("pid", "not supported by Swarm services");
        m.put("privileged", "not supported by Swarm services");
        m.put("security_opt", "not supported by Swarm services");
        m.put("shm_size", "not supported by Swarm services");
        m.put("userns_mode", "not supported by Swarm services");
        m.put("volumes_from", "To share a volume between services, define it using the top-level `volumes` option "
            + "and reference it from each service that shares it using the service-level `volumes` option.");
        return java.util.Collections.unmodifiableMap(m);
    }
}
