package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.compose4j.engine.swarm.Endpoint;
import io.github.compose4j.engine.swarm.ServiceMode;
import io.github.compose4j.engine.swarm.ServiceSpec;
import io.github.compose4j.engine.swarm.SwarmFile;
import io.github.compose4j.engine.swarm.SwarmFileSpec;
import io.github.compose4j.engine.swarm.SwarmTask;
import io.github.compose4j.engine.swarm.TaskContainer;
import io.github.compose4j.engine.swarm.TaskSpec;
import io.github.compose4j.engine.swarm.UpdatePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Swarm specs to Engine API JSON and back. Reading drops what the daemon adds by itself (empty objects,
 * {@code Isolation: default}, {@code Init: false}), so that a spec read back equals the one sent: that is how a
 * re-deploy tells an unchanged service.
 */
public final class SwarmBodies {
    private SwarmBodies() {
    }

    /** The service spec as the Engine API takes it, indented (golden files, {@code --dry-run}). */
    public static String serviceJson(ServiceSpec spec) {
        return EngineJson.writePretty(service(spec));
    }

    static ObjectNode service(ServiceSpec spec) {
        ObjectNode o = EngineJson.NODES.objectNode();
        o.put("Name", spec.name());
        putMap(o, "Labels", spec.labels());
        ObjectNode task = o.putObject("TaskTemplate");
        TaskSpec t = spec.task();
        task.set("ContainerSpec", container(t.container()));
        ObjectNode resources = task.putObject("Resources");
        t.resources().limits().ifPresent(l -> amount(resources.putObject("Limits"), l, true));
        t.resources().reservations().ifPresent(r -> amount(resources.putObject("Reservations"), r, false));
        t.restart().ifPresent(r -> {
            ObjectNode rp = task.putObject("RestartPolicy");
            rp.put("Condition", r.condition());
            r.delay().ifPresent(d -> rp.put("Delay", d));
            r.maxAttempts().ifPresent(m -> rp.put("MaxAttempts", m));
            r.window().ifPresent(w -> rp.put("Window", w));
        });
        ObjectNode placement = task.putObject("Placement");
        putList(placement, "Constraints", t.placement().constraints());
        if (!t.placement().spread().isEmpty()) {
            ArrayNode prefs = placement.putArray("Preferences");
            t.placement().spread().forEach(s -> prefs.addObject().putObject("Spread").put("SpreadDescriptor", s));
        }
        if (t.placement().maxReplicasPerNode() != 0) {
            placement.put("MaxReplicas", t.placement().maxReplicasPerNode());
        }
        if (!t.networks().isEmpty()) {
            ArrayNode nets = task.putArray("Networks");
            for (TaskSpec.NetworkAttachment n : t.networks()) {
                ObjectNode a = nets.addObject();
                a.put("Target", n.target());
                putList(a, "Aliases", n.aliases());
                putMap(a, "DriverOpts", n.driverOpts());
            }
        }
        t.logDriver().ifPresent(l -> {
            ObjectNode d = task.putObject("LogDriver");
            d.put("Name", l.name());
            putMap(d, "Options", l.options());
        });
        task.put("ForceUpdate", t.forceUpdate());
        ObjectNode mode = o.putObject("Mode");
        ServiceMode m = spec.mode();
        switch (m.kind()) {
            case REPLICATED -> mode.putObject("Replicated").put("Replicas", m.replicas());
            case GLOBAL -> mode.putObject("Global");
            case REPLICATED_JOB -> mode.putObject("ReplicatedJob").put("MaxConcurrent", m.replicas())
                .put("TotalCompletions", m.replicas());
            case GLOBAL_JOB -> mode.putObject("GlobalJob");
        }
        spec.update().ifPresent(u -> o.set("UpdateConfig", update(u)));
        spec.rollback().ifPresent(u -> o.set("RollbackConfig", update(u)));
        ObjectNode endpoint = o.putObject("EndpointSpec");
        endpoint.put("Mode", spec.endpoint().mode());
        if (!spec.endpoint().ports().isEmpty()) {
            ArrayNode ports = endpoint.putArray("Ports");
            spec.endpoint().ports().forEach(p -> port(ports.addObject(), p));
        }
        return o;
    }

    private static void port(ObjectNode o, Endpoint.PublishedPort p) {
        o.put("Protocol", p.protocol());
        o.put("TargetPort", p.target());
        if (p.published() != 0) {
            o.put("PublishedPort", p.published());
        }
        o.put("PublishMode", p.publishMode());
    }

    private static void amount(ObjectNode o, TaskSpec.Amount a, boolean limit) {
        if (a.nanoCpus() != 0) {
            o.put("NanoCPUs", a.nanoCpus());
        }
        if (a.memoryBytes() != 0) {
            o.put("MemoryBytes", a.memoryBytes());
        }
        if (limit && a.pids() != 0) {
            o.put("Pids", a.pids());
        }
    }

    private static ObjectNode update(UpdatePolicy u) {
        ObjectNode o = EngineJson.NODES.objectNode();
        o.put("Parallelism", u.parallelism());
        if (u.delay() != 0) {
            o.put("Delay", u.delay());
        }
        if (!u.failureAction().isEmpty()) {
            o.put("FailureAction", u.failureAction());
        }
        if (u.monitor() != 0) {
            o.put("Monitor", u.monitor());
        }
        if (u.maxFailureRatio() != 0) {
            o.put("MaxFailureRatio", u.maxFailureRatio());
        }
        if (!u.order().isEmpty()) {
            o.put("Order", u.order());
        }
        return o;
    }

    private static ObjectNode container(TaskContainer c) {
        ObjectNode o = EngineJson.NODES.objectNode();
        o.put("Image", c.image());
        putMap(o, "Labels", c.labels());
        putList(o, "Command", c.command());
        putList(o, "Args", c.args());
        putText(o, "Hostname", c.hostname());
        putList(o, "Env", c.env());
        putText(o, "Dir", c.dir());
        putText(o, "User", c.user());
        putList(o, "Groups", c.groups());
        if (c.init()) {
            o.put("Init", true);
        }
        if (c.tty()) {
            o.put("TTY", true);
        }
        if (c.openStdin()) {
            o.put("OpenStdin", true);
        }
        if (c.readOnly()) {
            o.put("ReadOnly", true);
        }
        if (!c.mounts().isEmpty()) {
            ArrayNode mounts = o.putArray("Mounts");
            c.mounts().forEach(m -> mount(mounts.addObject(), m));
        }
        c.stopGracePeriod().ifPresent(g -> o.put("StopGracePeriod", g));
        putText(o, "StopSignal", c.stopSignal());
        c.healthcheck().ifPresent(h -> {
            ObjectNode hc = o.putObject("Healthcheck");
            putList(hc, "Test", h.test());
            if (h.interval() != 0) {
                hc.put("Interval", h.interval());
            }
            if (h.timeout() != 0) {
                hc.put("Timeout", h.timeout());
            }
            if (h.startPeriod() != 0) {
                hc.put("StartPeriod", h.startPeriod());
            }
            if (h.retries() != 0) {
                hc.put("Retries", h.retries());
            }
        });
        putList(o, "Hosts", c.hosts());
        c.dns().ifPresent(d -> {
            ObjectNode dns = o.putObject("DNSConfig");
            putList(dns, "Nameservers", d.nameservers());
            putList(dns, "Search", d.search());
            putList(dns, "Options", d.options());
        });
        files(o, "Secrets", "Secret", c.secrets());
        files(o, "Configs", "Config", c.configs());
        putMap(o, "Sysctls", c.sysctls());
        putList(o, "CapabilityAdd", c.capabilityAdd());
        putList(o, "CapabilityDrop", c.capabilityDrop());
        if (!c.ulimits().isEmpty()) {
            ArrayNode ul = o.putArray("Ulimits");
            c.ulimits().forEach(u -> ul.addObject().put("Name", u.name()).put("Soft", u.soft()).put("Hard", u.hard()));
        }
        return o;
    }

    private static void mount(ObjectNode o, TaskContainer.MountSpec m) {
        o.put("Type", m.type());
        putText(o, "Source", m.source());
        o.put("Target", m.target());
        if (m.readOnly()) {
            o.put("ReadOnly", true);
        }
        if (!m.propagation().isEmpty()) {
            o.putObject("BindOptions").put("Propagation", m.propagation());
        }
        if (m.type().equals("volume") && (m.noCopy() || !m.volumeLabels().isEmpty() || !m.volumeDriver().isEmpty()
            || !m.driverOptions().isEmpty())) {
            ObjectNode v = o.putObject("VolumeOptions");
            if (m.noCopy()) {
                v.put("NoCopy", true);
            }
            putMap(v, "Labels", m.volumeLabels());
            if (!m.volumeDriver().isEmpty() || !m.driverOptions().isEmpty()) {
                ObjectNode d = v.putObject("DriverConfig");
                putText(d, "Name", m.volumeDriver());
                putMap(d, "Options", m.driverOptions());
            }
        }
        if (m.tmpfsSize() != 0) {
            o.putObject("TmpfsOptions").put("SizeBytes", m.tmpfsSize());
        }
    }

    private static void files(ObjectNode o, String key, String kind, List<TaskContainer.FileRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        ArrayNode a = o.putArray(key);
        for (TaskContainer.FileRef r : refs) {
            ObjectNode ref = a.addObject();
            ObjectNode file = ref.putObject("File");
            file.put("Name", r.fileName());
            file.put("UID", r.uid());
            file.put("GID", r.gid());
            file.put("Mode", r.mode());
            ref.put(kind + "ID", r.objectId());
            ref.put(kind + "Name", r.objectName());
        }
    }

    // Reading

    static ServiceSpec readService(JsonNode s) {
        JsonNode t = s.path("TaskTemplate");
        JsonNode r = t.path("Resources");
        TaskSpec.Resources resources = new TaskSpec.Resources(amountOf(r.path("Limits")),
            amountOf(r.path("Reservations")));
        Optional<TaskSpec.Restart> restart = t.path("RestartPolicy").isObject()
            ? Optional.of(new TaskSpec.Restart(t.path("RestartPolicy").path("Condition").asText(""),
                optLong(t.path("RestartPolicy"), "Delay"), optLong(t.path("RestartPolicy"), "MaxAttempts"),
                optLong(t.path("RestartPolicy"), "Window")))
            : Optional.empty();
        JsonNode p = t.path("Placement");
        List<String> spread = new ArrayList<>();
        p.path("Preferences").forEach(pref -> spread.add(pref.path("Spread").path("SpreadDescriptor").asText("")));
        TaskSpec.Placement placement = new TaskSpec.Placement(texts(p.path("Constraints")), spread,
            p.path("MaxReplicas").asLong(0));
        List<TaskSpec.NetworkAttachment> networks = new ArrayList<>();
        t.path("Networks").forEach(n -> networks.add(new TaskSpec.NetworkAttachment(n.path("Target").asText(""),
            texts(n.path("Aliases")), map(n.path("DriverOpts")))));
        Optional<TaskSpec.LogDriver> logDriver = t.path("LogDriver").isObject()
            ? Optional.of(new TaskSpec.LogDriver(t.path("LogDriver").path("Name").asText(""),
                map(t.path("LogDriver").path("Options"))))
            : Optional.empty();
        TaskSpec task = new TaskSpec(readContainer(t.path("ContainerSpec")), resources, restart, placement, networks,
            logDriver, t.path("ForceUpdate").asLong(0));
        JsonNode m = s.path("Mode");
        ServiceMode mode;
        if (m.has("Global")) {
            mode = new ServiceMode(ServiceMode.Kind.GLOBAL, 0);
        } else if (m.has("ReplicatedJob")) {
            mode = new ServiceMode(ServiceMode.Kind.REPLICATED_JOB, m.path("ReplicatedJob").path("TotalCompletions")
                .asLong(1));
        } else if (m.has("GlobalJob")) {
            mode = new ServiceMode(ServiceMode.Kind.GLOBAL_JOB, 0);
        } else {
            mode = new ServiceMode(ServiceMode.Kind.REPLICATED, m.path("Replicated").path("Replicas").asLong(1));
        }
        List<Endpoint.PublishedPort> ports = new ArrayList<>();
        s.path("EndpointSpec").path("Ports").forEach(pt -> ports.add(readPort(pt)));
        Endpoint endpoint = new Endpoint(s.path("EndpointSpec").path("Mode").asText("vip"), ports);
        return new ServiceSpec(s.path("Name").asText(""), map(s.path("Labels")), task, mode,
            readUpdate(s.path("UpdateConfig")), readUpdate(s.path("RollbackConfig")), endpoint);
    }

    static Endpoint.PublishedPort readPort(JsonNode pt) {
        return new Endpoint.PublishedPort(pt.path("Protocol").asText("tcp"), pt.path("TargetPort").asLong(0),
            pt.path("PublishedPort").asLong(0), pt.path("PublishMode").asText("ingress"));
    }

    private static Optional<UpdatePolicy> readUpdate(JsonNode u) {
        if (!u.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new UpdatePolicy(u.path("Parallelism").asLong(0), u.path("Delay").asLong(0),
            u.path("FailureAction").asText(""), u.path("Monitor").asLong(0),
            (float) u.path("MaxFailureRatio").asDouble(0), u.path("Order").asText("")));
    }

    private static TaskContainer readContainer(JsonNode c) {
        List<TaskContainer.MountSpec> mounts = new ArrayList<>();
        c.path("Mounts").forEach(m -> {
            JsonNode v = m.path("VolumeOptions");
            mounts.add(new TaskContainer.MountSpec(m.path("Type").asText(""), m.path("Source").asText(""),
                m.path("Target").asText(""), m.path("ReadOnly").asBoolean(false), v.path("NoCopy").asBoolean(false),
                map(v.path("Labels")), v.path("DriverConfig").path("Name").asText(""),
                map(v.path("DriverConfig").path("Options")), m.path("BindOptions").path("Propagation").asText(""),
                m.path("TmpfsOptions").path("SizeBytes").asLong(0)));
        });
        JsonNode h = c.path("Healthcheck");
        Optional<TaskContainer.Health> health = h.isObject()
            ? Optional.of(new TaskContainer.Health(texts(h.path("Test")), h.path("Interval").asLong(0),
                h.path("Timeout").asLong(0), h.path("StartPeriod").asLong(0), h.path("Retries").asLong(0)))
            : Optional.empty();
        JsonNode d = c.path("DNSConfig");
        Optional<TaskContainer.Dns> dns = d.isObject() && d.size() > 0
            ? Optional.of(new TaskContainer.Dns(texts(d.path("Nameservers")), texts(d.path("Search")),
                texts(d.path("Options"))))
            : Optional.empty();
        List<TaskContainer.Ulimit> ulimits = new ArrayList<>();
        c.path("Ulimits").forEach(u -> ulimits.add(new TaskContainer.Ulimit(u.path("Name").asText(""),
            u.path("Soft").asLong(0), u.path("Hard").asLong(0))));
        return new TaskContainer(c.path("Image").asText(""), map(c.path("Labels")), texts(c.path("Command")),
            texts(c.path("Args")), c.path("Hostname").asText(""), texts(c.path("Env")), c.path("Dir").asText(""),
            c.path("User").asText(""), texts(c.path("Groups")), mounts, optLong(c, "StopGracePeriod"),
            c.path("StopSignal").asText(""), c.path("TTY").asBoolean(false), c.path("OpenStdin").asBoolean(false),
            c.path("ReadOnly").asBoolean(false), health, texts(c.path("Hosts")), dns, readRefs(c.path("Secrets"),
                "Secret"), readRefs(c.path("Configs"), "Config"), c.path("Init").asBoolean(false),
            map(c.path("Sysctls")), texts(c.path("CapabilityAdd")), texts(c.path("CapabilityDrop")), ulimits);
    }

    private static List<TaskContainer.FileRef> readRefs(JsonNode refs, String kind) {
        List<TaskContainer.FileRef> out = new ArrayList<>();
        refs.forEach(r -> out.add(new TaskContainer.FileRef(r.path(kind + "Name").asText(""),
            r.path(kind + "ID").asText(""), r.path("File").path("Name").asText(""),
            r.path("File").path("UID").asText(""), r.path("File").path("GID").asText(""),
            r.path("File").path("Mode").asLong(0))));
        return out;
    }

    private static Optional<TaskSpec.Amount> amountOf(JsonNode a) {
        TaskSpec.Amount amount = new TaskSpec.Amount(a.path("NanoCPUs").asLong(0), a.path("MemoryBytes").asLong(0),
            a.path("Pids").asLong(0));
        return amount.isEmpty() ? Optional.empty() : Optional.of(amount);
    }

    static SwarmTask readTask(JsonNode t) {
        JsonNode status = t.path("Status");
        List<Endpoint.PublishedPort> ports = new ArrayList<>();
        status.path("PortStatus").path("Ports").forEach(p -> ports.add(readPort(p)));
        Instant since = Instant.EPOCH;
        String ts = status.path("Timestamp").asText("");
        if (!ts.isEmpty()) {
            try {
                since = Instant.parse(ts);
            } catch (java.time.format.DateTimeParseException ignored) {
                // an unreadable time is shown as long ago rather than failing a listing
            }
        }
        String error = status.path("Err").asText("");
        return new SwarmTask(t.path("ID").asText(""), t.path("ServiceID").asText(""), t.path("Slot").asLong(0),
            t.path("NodeID").asText(""), t.path("DesiredState").asText(""), status.path("State").asText(""), since,
            error, t.path("Spec").path("ContainerSpec").path("Image").asText(""), ports);
    }

    static SwarmFile readFile(SwarmFile.Kind kind, JsonNode f) {
        return new SwarmFile(kind, f.path("ID").asText(""), f.path("Spec").path("Name").asText(""),
            map(f.path("Spec").path("Labels")));
    }

    static ObjectNode file(SwarmFileSpec spec) {
        ObjectNode o = EngineJson.NODES.objectNode();
        o.put("Name", spec.name());
        putMap(o, "Labels", spec.labels());
        o.put("Data", Base64.getEncoder().encodeToString(spec.data()));
        if (!spec.driver().isEmpty()) {
            ObjectNode d = o.putObject("Driver");
            d.put("Name", spec.driver());
            putMap(d, "Options", spec.driverOptions());
        }
        if (!spec.templateDriver().isEmpty()) {
            o.putObject("Templating").put("Name", spec.templateDriver());
        }
        return o;
    }

    static String filters(String key, Collection<String> values) {
        ObjectNode filters = EngineJson.NODES.objectNode();
        ArrayNode a = filters.putArray(key);
        values.forEach(a::add);
        return EngineJson.writeString(filters);
    }

    private static Optional<Long> optLong(JsonNode o, String key) {
        return o.has(key) && !o.get(key).isNull() ? Optional.of(o.get(key).asLong()) : Optional.empty();
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText("")));
        return out;
    }

    private static Map<String, String> map(JsonNode o) {
        Map<String, String> out = new TreeMap<>();
        o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText("")));
        return out;
    }

    private static void putText(ObjectNode o, String key, String value) {
        if (!value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static void putList(ObjectNode o, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(key);
            values.forEach(a::add);
        }
    }

    private static void putMap(ObjectNode o, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode m = o.putObject(key);
            new TreeMap<>(values).forEach(m::put);
        }
    }
}
