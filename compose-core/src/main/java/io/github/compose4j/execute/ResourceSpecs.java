package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.model.BlkioConfig;
import io.github.compose4j.model.DeviceMapping;
import io.github.compose4j.model.Resource;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.ThrottleDevice;
import io.github.compose4j.model.Ulimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resource limits and the restart policy. Service-level values come first; {@code deploy.resources}
 * limits (memory, cpus, pids) and reservations (memory, devices) replace them when set, and
 * {@code deploy.restart_policy} replaces {@code restart}.
 */
final class ResourceSpecs {
    private ResourceSpecs() {
    }

    static ContainerSpec.Resources of(Service s) {
        long memory = s.memLimit().value();
        long memoryReservation = s.memReservation().value();
        // Go multiplies float32 values, and so must we to land on the same integers.
        long nanoCpus = (long) (s.cpus() * 1e9f);
        Optional<Long> pidsLimit = s.pidsLimit() != 0 ? Optional.of(s.pidsLimit()) : Optional.empty();
        List<ContainerSpec.DeviceRequest> deviceRequests = new ArrayList<>();
        if (s.deploy().isPresent()) {
            Optional<Resource> limits = s.deploy().get().resources().limits();
            if (limits.isPresent()) {
                Resource l = limits.get();
                if (l.memory().value() != 0) {
                    memory = l.memory().value();
                }
                if (l.cpus() != 0) {
                    nanoCpus = (long) (l.cpus() * 1e9f);
                }
                if (l.pids() > 0) {
                    pidsLimit = Optional.of(l.pids());
                }
            }
            Optional<Resource> reservations = s.deploy().get().resources().reservations();
            if (reservations.isPresent()) {
                Resource r = reservations.get();
                if (r.memory().value() != 0) {
                    memoryReservation = r.memory().value();
                }
                // Compose passes neither the options nor anything but one capability set.
                r.devices().forEach(d -> deviceRequests.add(new ContainerSpec.DeviceRequest(d.driver(), d.count(),
                        d.deviceIds(), List.of(d.capabilities()), Map.of())));
            }
        }
        BlkioConfig blkio = s.blkioConfig().orElse(null);
        return new ContainerSpec.Resources(
                nanoCpus,
                s.cpuShares(),
                s.cpuPeriod(),
                s.cpuQuota(),
                s.cpuRtPeriod(),
                s.cpuRtRuntime(),
                s.cpuset(),
                "",
                s.cpuCount(),
                (long) (s.cpuPercent() * 100f),
                memory,
                memoryReservation,
                s.memswapLimit().value(),
                s.memSwappiness().value() != 0 ? Optional.of(s.memSwappiness().value()) : Optional.empty(),
                Optional.of(s.oomKillDisable()),
                pidsLimit,
                blkio == null ? 0 : (int) blkio.weight(),
                blkio == null ? List.of() : blkio.weightDevice().stream()
                        .map(w -> new ContainerSpec.WeightDevice(w.path(), (int) w.weight())).toList(),
                blkio == null ? List.of() : throttles(blkio.deviceReadBps()),
                blkio == null ? List.of() : throttles(blkio.deviceWriteBps()),
                blkio == null ? List.of() : throttles(blkio.deviceReadIops()),
                blkio == null ? List.of() : throttles(blkio.deviceWriteIops()),
                s.devices().stream().map(ResourceSpecs::device).toList(),
                s.deviceCgroupRules(),
                deviceRequests,
                ulimits(s.ulimits()));
    }

    private static List<ContainerSpec.ThrottleDevice> throttles(List<ThrottleDevice> devices) {
        return devices.stream().map(d -> new ContainerSpec.ThrottleDevice(d.path(), d.rate().value())).toList();
    }

    private static ContainerSpec.Device device(DeviceMapping d) {
        String target = d.target().isEmpty() ? d.source() : d.target();
        String permissions = d.permissions().isEmpty() ? "rwm" : d.permissions();
        return new ContainerSpec.Device(d.source(), target, permissions);
    }

    /** One value stands for both limits unless soft or hard is given. Ordered by name (Compose's varies). */
    private static List<ContainerSpec.Ulimit> ulimits(Map<String, Ulimit> ulimits) {
        List<ContainerSpec.Ulimit> out = new ArrayList<>();
        new TreeMap<>(ulimits).forEach((name, u) -> out.add(new ContainerSpec.Ulimit(name,
                u.soft() != 0 ? u.soft() : u.single(), u.hard() != 0 ? u.hard() : u.single())));
        return out;
    }

    static ContainerSpec.RestartPolicy restart(Service s) {
        ContainerSpec.RestartPolicy policy = ContainerSpec.RestartPolicy.NONE;
        if (!s.restart().isEmpty()) {
            String[] split = s.restart().split(":", -1);
            int attempts = split.length > 1 ? atoi(split[1]) : 0;
            policy = new ContainerSpec.RestartPolicy(condition(split[0]), attempts);
        }
        if (s.deploy().isPresent() && s.deploy().get().restartPolicy().isPresent()) {
            var p = s.deploy().get().restartPolicy().get();
            policy = new ContainerSpec.RestartPolicy(condition(p.condition()),
                    p.maxAttempts().map(Long::intValue).orElse(0));
        }
        return policy;
    }

    /** Swarm's conditions ({@code none}, {@code any}) in the engine's words. */
    private static String condition(String condition) {
        return switch (condition) {
            case "none", "no" -> "no";
            case "any", "always" -> "always";
            default -> condition;
        };
    }

    private static int atoi(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
