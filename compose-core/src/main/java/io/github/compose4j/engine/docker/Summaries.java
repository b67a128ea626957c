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
            text(state, "FinishedAt"), state.path("OOMKilled").asBoolean(false), config.path("Tty").asBoolean(false),
            config.path("OpenStdin").asBoolean(false));
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

    // Inspection

    /** An element of {@code GET /containers/json}, with its command and mounts. */
    static io.github.compose4j.engine.ContainerListing listing(JsonNode c) {
        List<io.github.compose4j.engine.ContainerListing.ListedMount> mounts = new ArrayList<>();
        for (JsonNode m : c.path("Mounts")) {
            mounts.add(new io.github.compose4j.engine.ContainerListing.ListedMount(text(m, "Name"), text(m, "Source"),
                text(m, "Driver")));
        }
        return new io.github.compose4j.engine.ContainerListing(container(c), list(c.path("Names")),
            text(c, "Command"), mounts);
    }

    /** {@code GET /containers/{id}/stats?stream=false}, with the docker CLI's reading of the counters. */
    static io.github.compose4j.engine.ContainerStats stats(String id, JsonNode s) {
        JsonNode cpu = s.path("cpu_stats");
        JsonNode pre = s.path("precpu_stats");
        int online = cpu.path("online_cpus").asInt(0);
        if (online == 0) {
            online = cpu.path("cpu_usage").path("percpu_usage").size();
        }
        JsonNode memory = s.path("memory_stats");
        long usage = memory.path("usage").asLong(0);
        JsonNode memStats = memory.path("stats");
        // cgroup v1 reports total_inactive_file, v2 inactive_file: page cache the docker CLI leaves out.
        long cache = memStats.has("total_inactive_file") ? memStats.path("total_inactive_file").asLong(0)
            : memStats.path("inactive_file").asLong(0);
        if (cache < usage) {
            usage -= cache;
        }
        long rx = 0;
        long tx = 0;
        for (JsonNode n : s.path("networks")) {
            rx += n.path("rx_bytes").asLong(0);
            tx += n.path("tx_bytes").asLong(0);
        }
        long read = 0;
        long write = 0;
        for (JsonNode b : s.path("blkio_stats").path("io_service_bytes_recursive")) {
            String op = text(b, "op");
            if (op.equalsIgnoreCase("read")) {
                read += b.path("value").asLong(0);
            } else if (op.equalsIgnoreCase("write")) {
                write += b.path("value").asLong(0);
            }
        }
        String name = stripSlash(text(s, "name"));
        return new io.github.compose4j.engine.ContainerStats(id, name, cpu.path("cpu_usage").path("total_usage")
            .asLong(0), pre.path("cpu_usage").path("total_usage").asLong(0), cpu.path("system_cpu_usage").asLong(0),
            pre.path("system_cpu_usage").asLong(0), online, usage, memory.path("limit").asLong(0), rx, tx, read,
            write, s.path("pids_stats").path("current").asLong(0));
    }

    /** An element of {@code GET /events}. */
    static io.github.compose4j.engine.EngineEvent event(JsonNode e) {
        JsonNode actor = e.path("Actor");
        long nanos = e.path("timeNano").asLong(0);
        if (nanos == 0) {
            nanos = e.path("time").asLong(0) * 1_000_000_000L;
        }
        String action = text(e, "Action");
        return new io.github.compose4j.engine.EngineEvent(text(e, "Type"), action.isEmpty() ? text(e, "status")
            : action, text(actor, "ID"), strings(actor.path("Attributes")), nanos);
    }

    /** An image as {@code GET /images/json} lists it (labels at the top, creation as epoch seconds). */
    static ImageSummary listedImage(JsonNode i) {
        return new ImageSummary(text(i, "Id"), list(i.path("RepoTags")), list(i.path("RepoDigests")),
            strings(i.path("Labels")), "", "", i.path("Created").asLong(0), i.path("Size").asLong(0),
            java.util.Set.of());
    }
}
