package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;

/**
 * The Engine API's JSON replies in compose4j's types, read field by field from the tree (missing and null values
 * become empty ones). Reading the tree directly keeps fields docker-java's model lacks (a mount's {@code Type}, a
 * pool's {@code AuxiliaryAddresses}) and costs a fraction of docker-java's bean mapping on a cold JVM.
 */
final class Summaries {
    private Summaries() {
    }

    /** An element of {@code GET /containers/json}. */
    static ContainerSummary container(JsonNode c) {
        List<PortBinding> ports = new ArrayList<>();
        for (JsonNode p : c.path("Ports")) {
            ports.add(new PortBinding(text(p, "IP"), p.path("PublicPort").asInt(0), p.path("PrivatePort").asInt(0),
                text(p, "Type")));
        }
        List<String> names = new ArrayList<>();
        c.path("Names").forEach(n -> names.add(n.asText()));
        return new ContainerSummary(text(c, "Id"), canonicalName(names), text(c, "Image"), text(c, "ImageID"),
            strings(c.path("Labels")), text(c, "State"), text(c, "Status"), c.path("Created").asLong(0),
            keys(c.path("NetworkSettings").path("Networks")), ports);
    }

    /** A container is also listed under the names its links give it ({@code /other/alias}); its own has one slash. */
    static String canonicalName(List<String> names) {
        for (String name : names) {
            if (name.lastIndexOf('/') == 0) {
                return name.substring(1);
            }
        }
        return names.isEmpty() ? "" : stripSlash(names.get(0));
    }

    /** {@code GET /containers/{id}/json}. */
    static ContainerDetails details(JsonNode c) {
        JsonNode config = c.path("Config");
        JsonNode state = c.path("State");
        Optional<String> health = Optional.of(text(state.path("Health"), "Status")).filter(s -> !s.isEmpty());
        Map<String, ContainerDetails.EndpointState> networks = new LinkedHashMap<>();
        c.path("NetworkSettings").path("Networks").fields().forEachRemaining(e -> networks.put(e.getKey(),
            new ContainerDetails.EndpointState(text(e.getValue(), "NetworkID"), text(e.getValue(), "IPAddress"),
                text(e.getValue(), "GlobalIPv6Address"), list(e.getValue().path("Aliases")))));
        List<ContainerDetails.MountState> mounts = new ArrayList<>();
        for (JsonNode m : c.path("Mounts")) {
            mounts.add(new ContainerDetails.MountState(text(m, "Type"), text(m, "Name"), text(m, "Source"),
                text(m, "Destination"), m.path("RW").asBoolean(false)));
        }
        JsonNode test = config.path("Healthcheck").path("Test");
        // The inspected config holds the image's check too; ["NONE"] switches it off.
        boolean hasHealthcheck = test.isArray() && test.size() > 0 && !test.get(0).asText().equals("NONE");
        return new ContainerDetails(text(c, "Id"), stripSlash(text(c, "Name")), text(config, "Image"),
            text(c, "Image"), strings(config.path("Labels")), text(state, "Status"),
            state.path("Running").asBoolean(false), state.path("ExitCode").asInt(0), health, hasHealthcheck,
            text(c.path("HostConfig"), "NetworkMode"), networks, mounts, text(state, "StartedAt"),
            text(state, "FinishedAt"), state.path("OOMKilled").asBoolean(false));
    }

    /** An element of {@code GET /networks}, or {@code GET /networks/{id}}. */
    static NetworkSummary network(JsonNode n) {
        List<IpamPoolSpec> pools = new ArrayList<>();
        for (JsonNode p : n.path("IPAM").path("Config")) {
            pools.add(new IpamPoolSpec(text(p, "Subnet"), text(p, "IPRange"), text(p, "Gateway"),
                strings(p.path("AuxiliaryAddresses"))));
        }
        return new NetworkSummary(text(n, "Id"), text(n, "Name"), text(n, "Driver"), text(n, "Scope"),
            strings(n.path("Labels")), n.path("Internal").asBoolean(false), n.path("Attachable").asBoolean(false),
            n.path("EnableIPv6").asBoolean(false), pools, keys(n.path("Containers")));
    }

    /** An element of {@code GET /volumes}, or {@code GET /volumes/{name}}. */
    static VolumeSummary volume(JsonNode v) {
        return new VolumeSummary(text(v, "Name"), text(v, "Driver"), strings(v.path("Labels")),
            text(v, "Mountpoint"), strings(v.path("Options")));
    }

    /** {@code GET /images/{name}/json}. */
    static ImageSummary image(JsonNode i) {
        return new ImageSummary(text(i, "Id"), list(i.path("RepoTags")), list(i.path("RepoDigests")),
            strings(i.path("Config").path("Labels")), text(i, "Os"), text(i, "Architecture"),
            epochSeconds(text(i, "Created")), i.path("Size").asLong(0), java.util.Set.copyOf(keys(i.path("Config").path("Volumes"))));
    }

    static long epochSeconds(String timestamp) {
        if (timestamp.isEmpty()) {
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            if (v.isValueNode() && !v.isNull()) {
                values.add(v.asText());
            }
        }
        return values;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().asText());
            }
        });
        return values;
    }
}
