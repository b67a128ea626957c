package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.model.Duration;
import io.github.compose4j.model.Healthcheck;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A service's container-create request, field for field what Docker Compose 2.26 sends. */
public final class ContainerSpecs {
    static final String SERVICE_PREFIX = "service:";
    static final String CONTAINER_PREFIX = "container:";

    private ContainerSpecs() {
    }

    public static ContainerCreation build(ContainerRequest request) {
        Project project = request.project();
        Service s = request.service();
        List<String> warnings = new ArrayList<>();

        // Compose resolves references to other services' containers before anything else.
        List<String> volumesFrom = volumesFrom(request);
        String networkMode = namespace(request, s.networkMode(), "network");
        String ipcMode = namespace(request, s.ipc(), "IPC");
        String pidMode = namespace(request, s.pid(), "PID");

        String mac = Networking.containerMac(s, request.apiVersion());
        Optional<ContainerSpec.Healthcheck> healthcheck = s.healthcheck().map(h -> healthcheck(h, request));

        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (String t : s.tmpfs()) {
            int colon = t.indexOf(':');
            if (colon >= 0) {
                tmpfs.put(t.substring(0, colon), t.substring(colon + 1));
            } else {
                tmpfs.put(t, "");
            }
        }
        VolumeMounts.Result volumes = VolumeMounts.build(project, s, request.inheritedMounts(),
                request.imageVolumes(), warnings);

        List<String> links = links(request);
        Networking.Settings net = new Networking(request, links, s.macAddress()).settings(networkMode);
        SecurityOptions.Result security = SecurityOptions.parse(project, s.securityOpt(), request.home());

        ContainerSpec.Config config = new ContainerSpec.Config(
                ContainerNames.image(project.name(), s),
                s.command(),
                s.entrypoint(),
                env(s),
                s.workingDir(),
                s.user(),
                s.hostname(),
                s.domainname(),
                request.labels(),
                PortSpecs.exposed(s),
                s.tty(),
                s.stdinOpen(),
                request.attachStdin() && s.stdinOpen(),
                request.attachStdin(),
                true,
                true,
                s.stopSignal(),
                s.stopGracePeriod().map(d -> (int) (d.nanos() / 1_000_000_000L)),
                healthcheck,
                s.networkMode().equals("disabled"),
                mac,
                Map.of());

        ContainerSpec.Host host = new ContainerSpec.Host(
                volumes.binds(),
                volumes.mounts(),
                tmpfs,
                PortSpecs.bindings(s),
                false,
                net.networkMode(),
                links,
                ResourceSpecs.restart(s),
                request.autoRemove(),
                s.capAdd(),
                s.capDrop(),
                s.dns(),
                s.dnsOpt(),
                s.dnsSearch(),
                s.extraHosts().asList(":"),
                s.groupAdd(),
                ipcMode,
                pidMode,
                s.uts(),
                s.usernsMode(),
                s.cgroup(),
                s.cgroupParent(),
                s.privileged(),
                s.readOnly(),
                s.init(),
                security.options(),
                s.storageOpt(),
                s.sysctls(),
                s.shmSize().value(),
                s.runtime(),
                s.isolation(),
                s.volumeDriver(),
                volumesFrom,
                s.logging().map(l -> new ContainerSpec.LogConfig(l.driver(), l.options()))
                        .orElse(ContainerSpec.LogConfig.DEFAULT),
                s.annotations(),
                s.oomScoreAdj(),
                ResourceSpecs.of(s),
                security.unconfinedSystemPaths());

        ContainerSpec spec = new ContainerSpec(request.name(), platform(project, s), config, host, net.atCreate());
        return new ContainerCreation(spec, net.afterCreate(), warnings);
    }

    /** {@code KEY=value}, or the bare {@code KEY} of a variable left unresolved. Ordered by name. */
    static List<String> env(Service s) {
        List<String> env = new ArrayList<>();
        new TreeMap<>(s.environment()).forEach((k, v) -> env.add(v.map(x -> k + "=" + x).orElse(k)));
        return env;
    }

    private static ContainerSpec.Healthcheck healthcheck(Healthcheck h, ContainerRequest request) {
        long startInterval = 0;
        if (h.startInterval().isPresent()) {
            if (ApiVersion.lessThan(request.apiVersion(), ApiVersion.MULTIPLE_ENDPOINTS)) {
                throw ComposeException.invalid(
                        "can't set healthcheck.start_interval as feature require Docker Engine v25 or later");
            }
            startInterval = h.startInterval().get().nanos();
        }
        List<String> test = h.disable() ? List.of("NONE") : h.test();
        return new ContainerSpec.Healthcheck(test, nanos(h.interval()), nanos(h.timeout()), nanos(h.startPeriod()),
                startInterval, h.retries().map(Long::intValue).orElse(0));
    }

    private static long nanos(Optional<Duration> d) {
        return d.map(Duration::nanos).orElse(0L);
    }

    /** The service's platform, else the project's {@code DOCKER_DEFAULT_PLATFORM}. */
    static String platform(Project project, Service s) {
        if (!s.platform().isEmpty()) {
            return s.platform();
        }
        return project.environment().getOrDefault("DOCKER_DEFAULT_PLATFORM", "");
    }

    /** A {@code service:x} namespace mode as {@code container:<id>} of x's first container. */
    private static String namespace(ContainerRequest request, String mode, String what) {
        if (!mode.startsWith(SERVICE_PREFIX)) {
            return mode;
        }
        String other = mode.substring(SERVICE_PREFIX.length());
        return request.refs().first(other)
                .map(c -> CONTAINER_PREFIX + c.id())
                .orElseThrow(() -> ComposeException.invalid("cannot share " + what + " namespace with service "
                        + other + ": container missing"));
    }

    /**
     * {@code volumes_from} as container ids or names. Like Compose, the access mode after the
     * service or container name is dropped.
     */
    static List<String> volumesFrom(ContainerRequest request) {
        List<String> out = new ArrayList<>();
        for (String v : request.service().volumesFrom()) {
            String[] spec = v.split(":", -1);
            if (spec[0].equals("container")) {
                out.add(spec.length > 1 ? spec[1] : "");
                continue;
            }
            String other = spec[0];
            out.add(request.refs().first(other).map(ResolvedReferences.ContainerRef::id)
                    .orElseThrow(() -> ComposeException.invalid("cannot share volume with service " + other
                            + ": container missing")));
        }
        return out;
    }

    /**
     * Legacy links, as Compose v1 made them: for each container of a linked service, the link name,
     * {@code <service>-<n>} and {@code <project>-<service>-<n>}, where n is the number of the container
     * being created (not of the linked one); then the external links.
     */
    static List<String> links(ContainerRequest request) {
        Service s = request.service();
        String project = request.project().name();
        String number = Integer.toString(request.number());
        String sep = ContainerNames.SEPARATOR;
        List<String> links = new ArrayList<>();
        for (String raw : s.links()) {
            String[] split = raw.split(":", -1);
            String linked = split[0];
            String alias = split.length == 2 ? split[1] : linked;
            for (ResolvedReferences.ContainerRef c : request.refs().of(linked)) {
                links.add(c.name() + ":" + alias);
                links.add(c.name() + ":" + linked + sep + number);
                links.add(c.name() + ":" + project + sep + linked + sep + number);
            }
        }
        if ("True".equals(s.labels().get(Labels.ONEOFF))) {
            for (ResolvedReferences.ContainerRef c : request.refs().of(s.name())) {
                String prefix = project + sep;
                String shortName = c.name().startsWith(prefix) ? c.name().substring(prefix.length()) : c.name();
                links.add(c.name() + ":" + s.name());
                links.add(c.name() + ":" + shortName);
                links.add(c.name() + ":" + c.name());
            }
        }
        for (String raw : s.externalLinks()) {
            String[] split = raw.split(":", -1);
            String alias = split.length == 2 ? split[1] : split[0];
            links.add(split[0] + ":" + alias);
        }
        return links;
    }
}
