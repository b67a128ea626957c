package io.github.compose4j.engine.docker;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.Network;
import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.engine.IpamPoolSpec;
import io.github.compose4j.engine.NetworkSummary;
import io.github.compose4j.engine.PortBinding;
import io.github.compose4j.engine.VolumeSummary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** docker-java's replies in compose4j's types; absent values become empty ones. */
final class Summaries {
    private Summaries() {
    }

    static ContainerSummary container(Container c) {
        List<String> networks = c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null
            ? List.of() : List.copyOf(c.getNetworkSettings().getNetworks().keySet());
        List<PortBinding> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                ports.add(new PortBinding(text(p.getIp()), p.getPublicPort() == null ? 0 : p.getPublicPort(),
                    p.getPrivatePort() == null ? 0 : p.getPrivatePort(), text(p.getType())));
            }
        }
        return new ContainerSummary(c.getId(), canonicalName(c.getNames()), text(c.getImage()), text(c.getImageId()),
            labels(c.getLabels()), text(c.getState()), text(c.getStatus()),
            c.getCreated() == null ? 0 : c.getCreated(), networks, ports);
    }

    /** A container is also listed under the names its links give it ({@code /other/alias}); its own has one slash. */
    static String canonicalName(String[] names) {
        if (names == null || names.length == 0) {
            return "";
        }
        for (String name : names) {
            if (name.lastIndexOf('/') == 0) {
                return name.substring(1);
            }
        }
        return stripSlash(names[0]);
    }

    static ContainerDetails details(InspectContainerResponse c) {
        ContainerConfig config = c.getConfig();
        InspectContainerResponse.ContainerState state = c.getState();
        Optional<String> health = Optional.ofNullable(state == null ? null : state.getHealth())
            .map(HealthState::getStatus).filter(s -> !s.isEmpty());
        Map<String, ContainerDetails.EndpointState> networks = new LinkedHashMap<>();
        if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
            c.getNetworkSettings().getNetworks().forEach((name, n) -> networks.put(name, endpoint(n)));
        }
        List<ContainerDetails.MountState> mounts = new ArrayList<>();
        if (c.getMounts() != null) {
            // docker-java's Mount has no Type; the reply's raw values (kept for the top-level object only) do.
            List<?> rawMounts = c.getRawValues().get("Mounts") instanceof List<?> list ? list : List.of();
            for (int i = 0; i < c.getMounts().size(); i++) {
                InspectContainerResponse.Mount m = c.getMounts().get(i);
                Object type = i < rawMounts.size() && rawMounts.get(i) instanceof Map<?, ?> raw
                    ? raw.get("Type") : null;
                mounts.add(new ContainerDetails.MountState(type == null ? "" : type.toString(), text(m.getName()),
                    text(m.getSource()), m.getDestination() == null ? "" : m.getDestination().getPath(),
                    Boolean.TRUE.equals(m.getRW())));
            }
        }
        return new ContainerDetails(c.getId(), stripSlash(text(c.getName())),
            config == null ? "" : text(config.getImage()), text(c.getImageId()),
            labels(config == null ? null : config.getLabels()),
            state == null ? "" : text(state.getStatus()),
            state != null && Boolean.TRUE.equals(state.getRunning()),
            state == null || state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(),
            health, config != null && hasHealthcheck(config.getHealthcheck()),
            c.getHostConfig() == null ? "" : text(c.getHostConfig().getNetworkMode()),
            networks, mounts,
            state == null ? "" : text(state.getStartedAt()), state == null ? "" : text(state.getFinishedAt()),
            state != null && Boolean.TRUE.equals(state.getOOMKilled()));
    }

    /** The inspected config holds the image's check too; {@code ["NONE"]} switches it off. */
    private static boolean hasHealthcheck(HealthCheck check) {
        return check != null && check.getTest() != null && !check.getTest().isEmpty()
            && !check.getTest().get(0).equals("NONE");
    }

    private static ContainerDetails.EndpointState endpoint(ContainerNetwork n) {
        return new ContainerDetails.EndpointState(text(n.getNetworkID()), text(n.getIpAddress()),
            text(n.getGlobalIPv6Address()), n.getAliases() == null ? List.of() : List.copyOf(n.getAliases()));
    }

    static NetworkSummary network(Network n) {
        List<IpamPoolSpec> pools = new ArrayList<>();
        if (n.getIpam() != null && n.getIpam().getConfig() != null) {
            // docker-java's pool has no AuxiliaryAddresses; the reply's raw values (top level only) do.
            List<?> rawPools = n.getRawValues().get("IPAM") instanceof Map<?, ?> ipam
                && ipam.get("Config") instanceof List<?> list ? list : List.of();
            for (int i = 0; i < n.getIpam().getConfig().size(); i++) {
                Network.Ipam.Config p = n.getIpam().getConfig().get(i);
                Object aux = i < rawPools.size() && rawPools.get(i) instanceof Map<?, ?> raw
                    ? raw.get("AuxiliaryAddresses") : null;
                pools.add(new IpamPoolSpec(text(p.getSubnet()), text(p.getIpRange()), text(p.getGateway()),
                    stringMap(aux)));
            }
        }
        return new NetworkSummary(n.getId(), text(n.getName()), text(n.getDriver()), text(n.getScope()),
            labels(n.getLabels()), Boolean.TRUE.equals(n.getInternal()), Boolean.TRUE.equals(n.isAttachable()),
            Boolean.TRUE.equals(n.getEnableIPv6()), pools,
            n.getContainers() == null ? List.of() : List.copyOf(n.getContainers().keySet()));
    }

    static VolumeSummary volume(InspectVolumeResponse v) {
        return new VolumeSummary(text(v.getName()), text(v.getDriver()), labels(v.getLabels()),
            text(v.getMountpoint()), labels(v.getOptions()));
    }

    static ImageSummary image(InspectImageResponse i) {
        return new ImageSummary(text(i.getId()), strings(i.getRepoTags()), strings(i.getRepoDigests()),
            labels(i.getConfig() == null ? null : i.getConfig().getLabels()), text(i.getOs()), text(i.getArch()),
            epochSeconds(i.getCreated()), i.getSize() == null ? 0 : i.getSize());
    }

    static long epochSeconds(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            return 0;
        }
        try {
            return Instant.parse(timestamp).getEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static List<String> strings(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    /** Copies a map, leaving out null values that {@link Map#copyOf} would refuse. */
    static Map<String, String> labels(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private static Map<String, String> stringMap(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k.toString(), v.toString());
            }
        });
        return copy;
    }
}
