package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.core.RemoteApiVersion;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.EndpointSpec;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.IpamPoolSpec;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.PortBinding;
import io.github.compose4j.engine.VolumeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON bodies of the Engine API calls whose docker-java model would lose fields of our specs (container
 * create, network create and connect), built field for field with the Engine API's own names. Values that mean
 * "not set" (empty, zero, false, {@link Optional#empty()}) are left out, as the Go client's {@code omitempty} does;
 * fields newer than the negotiated API version are left out too.
 */
final class RequestBodies {
    static final RemoteApiVersion ANNOTATIONS = RemoteApiVersion.VERSION_1_43;
    static final RemoteApiVersion CHECK_DUPLICATE_DROPPED = RemoteApiVersion.VERSION_1_44;
    static final RemoteApiVersion ENABLE_IPV4 = RemoteApiVersion.create(1, 47);
    static final RemoteApiVersion GW_PRIORITY = RemoteApiVersion.create(1, 48);

    private RequestBodies() {
    }

    // Containers

    /** The body of {@code POST /containers/create}, joining the networks of {@code endpoints} at creation. */
    static ObjectNode container(ContainerSpec spec, Map<String, EndpointSpec> endpoints, RemoteApiVersion api) {
        ContainerSpec.Config c = spec.config();
        ObjectNode body = object();
        text(body, "Hostname", c.hostname());
        text(body, "Domainname", c.domainname());
        text(body, "User", c.user());
        flag(body, "AttachStdin", c.attachStdin());
        flag(body, "AttachStdout", c.attachStdout());
        flag(body, "AttachStderr", c.attachStderr());
        if (!c.exposedPorts().isEmpty()) {
            ObjectNode ports = body.putObject("ExposedPorts");
            c.exposedPorts().forEach(p -> ports.putObject(p));
        }
        flag(body, "Tty", c.tty());
        flag(body, "OpenStdin", c.openStdin());
        flag(body, "StdinOnce", c.stdinOnce());
        strings(body, "Env", c.env());
        c.cmd().ifPresent(cmd -> body.set("Cmd", array(cmd))); // present but empty differs from absent
        c.healthcheck().ifPresent(h -> body.set("Healthcheck", healthcheck(h)));
        text(body, "Image", c.image());
        if (!c.volumes().isEmpty()) {
            ObjectNode volumes = body.putObject("Volumes");
            new TreeMap<>(c.volumes()).keySet().forEach(volumes::putObject);
        }
        text(body, "WorkingDir", c.workingDir());
        c.entrypoint().ifPresent(e -> body.set("Entrypoint", array(e)));
        flag(body, "NetworkDisabled", c.networkDisabled());
        text(body, "MacAddress", c.macAddress());
        map(body, "Labels", c.labels());
        text(body, "StopSignal", c.stopSignal());
        c.stopTimeout().ifPresent(t -> body.put("StopTimeout", t));
        body.set("HostConfig", hostConfig(spec.host(), api));
        if (!endpoints.isEmpty()) {
            ObjectNode configs = body.putObject("NetworkingConfig").putObject("EndpointsConfig");
            new TreeMap<>(endpoints).forEach((network, endpoint) -> configs.set(network, endpoint(endpoint, api)));
        }
        return body;
    }

    private static ObjectNode healthcheck(ContainerSpec.Healthcheck h) {
        ObjectNode node = object();
        strings(node, "Test", h.test());
        number(node, "Interval", h.intervalNanos());
        number(node, "Timeout", h.timeoutNanos());
        number(node, "StartPeriod", h.startPeriodNanos());
        number(node, "StartInterval", h.startIntervalNanos());
        number(node, "Retries", h.retries());
        return node;
    }

    private static ObjectNode hostConfig(ContainerSpec.Host h, RemoteApiVersion api) {
        ObjectNode node = object();
        strings(node, "Binds", h.binds());
        if (!h.logConfig().type().isEmpty() || !h.logConfig().config().isEmpty()) {
            ObjectNode log = node.putObject("LogConfig");
            text(log, "Type", h.logConfig().type());
            map(log, "Config", h.logConfig().config());
        }
        text(node, "NetworkMode", h.networkMode());
        if (!h.portBindings().isEmpty()) {
            node.set("PortBindings", portBindings(h.portBindings()));
        }
        if (!h.restartPolicy().name().isEmpty()) {
            ObjectNode restart = node.putObject("RestartPolicy");
            restart.put("Name", h.restartPolicy().name());
            number(restart, "MaximumRetryCount", h.restartPolicy().maximumRetryCount());
        }
        flag(node, "AutoRemove", h.autoRemove());
        text(node, "VolumeDriver", h.volumeDriver());
        strings(node, "VolumesFrom", h.volumesFrom());
        if (api.isGreaterOrEqual(ANNOTATIONS)) {
            map(node, "Annotations", h.annotations());
        }
        strings(node, "CapAdd", h.capAdd());
        strings(node, "CapDrop", h.capDrop());
        text(node, "CgroupnsMode", h.cgroupnsMode());
        strings(node, "Dns", h.dns());
        strings(node, "DnsOptions", h.dnsOptions());
        strings(node, "DnsSearch", h.dnsSearch());
        strings(node, "ExtraHosts", h.extraHosts());
        strings(node, "GroupAdd", h.groupAdd());
        text(node, "IpcMode", h.ipcMode());
        strings(node, "Links", h.links());
        number(node, "OomScoreAdj", h.oomScoreAdj());
        text(node, "PidMode", h.pidMode());
        flag(node, "Privileged", h.privileged());
        flag(node, "PublishAllPorts", h.publishAllPorts());
        flag(node, "ReadonlyRootfs", h.readonlyRootfs());
        if (h.unconfinedSystemPaths()) {
            // security_opt systempaths=unconfined: no masked or read-only kernel paths.
            node.set("MaskedPaths", EngineJson.NODES.arrayNode());
            node.set("ReadonlyPaths", EngineJson.NODES.arrayNode());
        }
        strings(node, "SecurityOpt", h.securityOpt());
        map(node, "StorageOpt", h.storageOpt());
        map(node, "Tmpfs", h.tmpfs());
        text(node, "UTSMode", h.utsMode());
        text(node, "UsernsMode", h.usernsMode());
        number(node, "ShmSize", h.shmSize());
        map(node, "Sysctls", h.sysctls());
        text(node, "Runtime", h.runtime());
        text(node, "Isolation", h.isolation());
        text(node, "CgroupParent", h.cgroupParent()); // a Resources field in the Go type, inlined in JSON
        resources(node, h.resources());
        if (!h.mounts().isEmpty()) {
            ArrayNode mounts = node.putArray("Mounts");
            h.mounts().forEach(m -> mounts.add(mount(m)));
        }
        h.init().ifPresent(init -> node.put("Init", init));
        return node;
    }

    /** {@code {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}}, in the order given. */
    private static ObjectNode portBindings(List<PortBinding> bindings) {
        Map<String, ArrayNode> byPort = new LinkedHashMap<>();
        for (PortBinding b : bindings) {
            String protocol = b.protocol().isEmpty() ? "tcp" : b.protocol();
            ObjectNode binding = object();
            binding.put("HostIp", b.hostIp());
            binding.put("HostPort", b.hostPortSpec());
            byPort.computeIfAbsent(b.containerPort() + "/" + protocol, k -> EngineJson.NODES.arrayNode())
                .add(binding);
        }
        ObjectNode node = object();
        byPort.forEach(node::set);
        return node;
    }

    private static void resources(ObjectNode node, ContainerSpec.Resources r) {
        number(node, "CpuShares", r.cpuShares());
        number(node, "Memory", r.memory());
        number(node, "NanoCpus", r.nanoCpus());
        number(node, "BlkioWeight", r.blkioWeight());
        if (!r.blkioWeightDevice().isEmpty()) {
            ArrayNode devices = node.putArray("BlkioWeightDevice");
            r.blkioWeightDevice().forEach(d -> devices.addObject().put("Path", d.path()).put("Weight", d.weight()));
        }
        throttle(node, "BlkioDeviceReadBps", r.blkioDeviceReadBps());
        throttle(node, "BlkioDeviceWriteBps", r.blkioDeviceWriteBps());
        throttle(node, "BlkioDeviceReadIOps", r.blkioDeviceReadIops());
        throttle(node, "BlkioDeviceWriteIOps", r.blkioDeviceWriteIops());
        number(node, "CpuPeriod", r.cpuPeriod());
        number(node, "CpuQuota", r.cpuQuota());
        number(node, "CpuRealtimePeriod", r.cpuRealtimePeriod());
        number(node, "CpuRealtimeRuntime", r.cpuRealtimeRuntime());
        text(node, "CpusetCpus", r.cpusetCpus());
        text(node, "CpusetMems", r.cpusetMems());
        if (!r.devices().isEmpty()) {
            ArrayNode devices = node.putArray("Devices");
            r.devices().forEach(d -> devices.addObject().put("PathOnHost", d.pathOnHost())
                .put("PathInContainer", d.pathInContainer()).put("CgroupPermissions", d.cgroupPermissions()));
        }
        strings(node, "DeviceCgroupRules", r.deviceCgroupRules());
        if (!r.deviceRequests().isEmpty()) {
            ArrayNode requests = node.putArray("DeviceRequests");
            for (ContainerSpec.DeviceRequest d : r.deviceRequests()) {
                ObjectNode request = requests.addObject();
                request.put("Driver", d.driver());
                request.put("Count", d.count());
                request.set("DeviceIDs", array(d.deviceIds()));
                ArrayNode capabilities = request.putArray("Capabilities");
                d.capabilities().forEach(set -> capabilities.add(array(set)));
                request.set("Options", sortedMap(d.options()));
            }
        }
        number(node, "MemoryReservation", r.memoryReservation());
        number(node, "MemorySwap", r.memorySwap());
        r.memorySwappiness().ifPresent(v -> node.put("MemorySwappiness", v));
        r.oomKillDisable().ifPresent(v -> node.put("OomKillDisable", v));
        r.pidsLimit().ifPresent(v -> node.put("PidsLimit", v));
        if (!r.ulimits().isEmpty()) {
            ArrayNode ulimits = node.putArray("Ulimits");
            r.ulimits().forEach(u -> ulimits.addObject().put("Name", u.name()).put("Soft", u.soft())
                .put("Hard", u.hard()));
        }
        number(node, "CpuCount", r.cpuCount());
        number(node, "CpuPercent", r.cpuPercent());
    }

    private static void throttle(ObjectNode node, String key, List<ContainerSpec.ThrottleDevice> devices) {
        if (!devices.isEmpty()) {
            ArrayNode array = node.putArray(key);
            devices.forEach(d -> array.addObject().put("Path", d.path()).put("Rate", d.rate()));
        }
    }

    private static ObjectNode mount(ContainerSpec.Mount m) {
        ObjectNode node = object();
        node.put("Type", m.type());
        text(node, "Source", m.source());
        node.put("Target", m.target());
        flag(node, "ReadOnly", m.readOnly());
        text(node, "Consistency", m.consistency());
        m.bind().ifPresent(b -> {
            ObjectNode bind = node.putObject("BindOptions");
            text(bind, "Propagation", b.propagation());
            switch (b.recursive()) {
                case "", "enabled" -> { }
                case "disabled" -> bind.put("NonRecursive", true);
                case "writable" -> bind.put("ReadOnlyNonRecursive", true);
                case "readonly" -> bind.put("ReadOnlyForceRecursive", true);
                default -> throw new EngineException(EngineException.Kind.INVALID,
                    "invalid bind recursive value \"" + b.recursive() + "\" for mount " + m.target());
            }
            flag(bind, "CreateMountpoint", b.createMountpoint());
        });
        m.volume().ifPresent(v -> {
            ObjectNode volume = node.putObject("VolumeOptions");
            flag(volume, "NoCopy", v.noCopy());
            map(volume, "Labels", v.labels());
            text(volume, "Subpath", v.subpath());
        });
        m.tmpfs().ifPresent(t -> {
            ObjectNode tmpfs = node.putObject("TmpfsOptions");
            number(tmpfs, "SizeBytes", t.sizeBytes());
            number(tmpfs, "Mode", t.mode());
        });
        return node;
    }

    // Networks

    /** The {@code EndpointSettings} of one network, at creation or connection. */
    static ObjectNode endpoint(EndpointSpec e, RemoteApiVersion api) {
        ObjectNode node = object();
        if (!e.ipv4Address().isEmpty() || !e.ipv6Address().isEmpty() || !e.linkLocalIps().isEmpty()) {
            ObjectNode ipam = node.putObject("IPAMConfig");
            text(ipam, "IPv4Address", e.ipv4Address());
            text(ipam, "IPv6Address", e.ipv6Address());
            strings(ipam, "LinkLocalIPs", e.linkLocalIps());
        }
        strings(node, "Links", e.links());
        strings(node, "Aliases", e.aliases());
        text(node, "MacAddress", e.macAddress());
        map(node, "DriverOpts", e.driverOpts());
        if (api.isGreaterOrEqual(GW_PRIORITY)) {
            number(node, "GwPriority", e.gwPriority());
        }
        return node;
    }

    /** The body of {@code POST /networks/{id}/connect}. */
    static ObjectNode connect(String containerId, EndpointSpec e, RemoteApiVersion api) {
        ObjectNode node = object();
        node.put("Container", containerId);
        node.set("EndpointConfig", endpoint(e, api));
        return node;
    }

    /** The body of {@code POST /networks/create}. */
    static ObjectNode network(NetworkSpec n, RemoteApiVersion api) {
        ObjectNode node = object();
        node.put("Name", n.name());
        if (!api.isGreaterOrEqual(CHECK_DUPLICATE_DROPPED)) {
            // Older engines create a second network of the same name unless asked not to, as the CLI does.
            node.put("CheckDuplicate", true);
        }
        text(node, "Driver", n.driver());
        flag(node, "Internal", n.internal());
        flag(node, "Attachable", n.attachable());
        n.enableIpv6().ifPresent(v -> node.put("EnableIPv6", v));
        if (api.isGreaterOrEqual(ENABLE_IPV4)) {
            n.enableIpv4().ifPresent(v -> node.put("EnableIPv4", v));
        }
        if (!n.ipamDriver().isEmpty() || !n.ipamPools().isEmpty() || !n.ipamOptions().isEmpty()) {
            ObjectNode ipam = node.putObject("IPAM");
            text(ipam, "Driver", n.ipamDriver());
            if (!n.ipamPools().isEmpty()) {
                ArrayNode pools = ipam.putArray("Config");
                n.ipamPools().forEach(p -> pools.add(pool(p)));
            }
            map(ipam, "Options", n.ipamOptions());
        }
        map(node, "Options", n.options());
        map(node, "Labels", n.labels());
        return node;
    }

    /** The body of {@code POST /volumes/create}. */
    static ObjectNode volume(VolumeSpec v) {
        ObjectNode node = object();
        node.put("Name", v.name());
        text(node, "Driver", v.driver());
        map(node, "DriverOpts", v.driverOpts());
        map(node, "Labels", v.labels());
        return node;
    }

    private static ObjectNode pool(IpamPoolSpec p) {
        ObjectNode node = object();
        text(node, "Subnet", p.subnet());
        text(node, "IPRange", p.ipRange());
        text(node, "Gateway", p.gateway());
        map(node, "AuxiliaryAddresses", p.auxAddresses());
        return node;
    }

    // Helpers

    private static ObjectNode object() {
        return EngineJson.NODES.objectNode();
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = EngineJson.NODES.arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }

    /** Maps are copied into sorted order so that a request is the same bytes every time. */
    private static ObjectNode sortedMap(Map<String, String> values) {
        ObjectNode node = object();
        new TreeMap<>(values).forEach(node::put);
        return node;
    }

    private static void text(ObjectNode node, String key, String value) {
        if (!value.isEmpty()) {
            node.put(key, value);
        }
    }

    private static void flag(ObjectNode node, String key, boolean value) {
        if (value) {
            node.put(key, true);
        }
    }

    private static void number(ObjectNode node, String key, long value) {
        if (value != 0) {
            node.put(key, value);
        }
    }

    private static void strings(ObjectNode node, String key, List<String> values) {
        if (!values.isEmpty()) {
            node.set(key, array(values));
        }
    }

    private static void map(ObjectNode node, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            node.set(key, sortedMap(values));
        }
    }
}
