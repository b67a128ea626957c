package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a container is created with, field for field what the engine's container-create call
 * takes (its {@code Config}, {@code HostConfig} and {@code NetworkingConfig}). Empty strings, zeros,
 * empty collections and {@link Optional#empty()} mean "not set" and are left out of the request.
 *
 * @param name       the container name
 * @param platform   {@code os/arch[/variant]} to create for, when asked
 * @param endpoints  networks to join at creation, by network name (several only with API 1.44+;
 *                   with older engines the others are connected after creation, before start)
 */
public record ContainerSpec(
        String name,
        String platform,
        Config config,
        Host host,
        Map<String, EndpointSpec> endpoints) {

    public ContainerSpec {
        endpoints = Map.copyOf(endpoints);
    }

    /** The container's own configuration. */
    public record Config(
            String image,
            Optional<List<String>> cmd,
            Optional<List<String>> entrypoint,
            List<String> env,
            String workingDir,
            String user,
            String hostname,
            String domainname,
            Map<String, String> labels,
            List<String> exposedPorts,
            boolean tty,
            boolean openStdin,
            boolean stdinOnce,
            boolean attachStdin,
            boolean attachStdout,
            boolean attachStderr,
            String stopSignal,
            Optional<Integer> stopTimeout,
            Optional<Healthcheck> healthcheck,
            boolean networkDisabled,
            String macAddress,
            Map<String, String> volumes) {
        public Config {
            env = List.copyOf(env);
            labels = Map.copyOf(labels);
            exposedPorts = List.copyOf(exposedPorts);
            volumes = Map.copyOf(volumes);
        }
    }

    /**
     * A health check; durations in nanoseconds, 0 for the engine's default. A test of
     * {@code ["NONE"]} disables the image's check.
     */
    public record Healthcheck(List<String> test, long intervalNanos, long timeoutNanos, long startPeriodNanos,
                              long startIntervalNanos, int retries) {
        public Healthcheck {
            test = List.copyOf(test);
        }
    }

    /**
     * How the host runs the container.
     *
     * @param unconfinedSystemPaths {@code security_opt: systempaths=unconfined}: send empty
     *                              {@code MaskedPaths} and {@code ReadonlyPaths} instead of the defaults
     */
    public record Host(
            List<String> binds,
            List<Mount> mounts,
            Map<String, String> tmpfs,
            List<PortBinding> portBindings,
            boolean publishAllPorts,
            String networkMode,
            List<String> links,
            RestartPolicy restartPolicy,
            boolean autoRemove,
            List<String> capAdd,
            List<String> capDrop,
            List<String> dns,
            List<String> dnsOptions,
            List<String> dnsSearch,
            List<String> extraHosts,
            List<String> groupAdd,
            String ipcMode,
            String pidMode,
            String utsMode,
            String usernsMode,
            String cgroupnsMode,
            String cgroupParent,
            boolean privileged,
            boolean readonlyRootfs,
            Optional<Boolean> init,
            List<String> securityOpt,
            Map<String, String> storageOpt,
            Map<String, String> sysctls,
            long shmSize,
            String runtime,
            String isolation,
            String volumeDriver,
            List<String> volumesFrom,
            LogConfig logConfig,
            Map<String, String> annotations,
            long oomScoreAdj,
            Resources resources,
            boolean unconfinedSystemPaths) {
        public Host {
            binds = List.copyOf(binds);
            mounts = List.copyOf(mounts);
            tmpfs = Map.copyOf(tmpfs);
            portBindings = List.copyOf(portBindings);
            links = List.copyOf(links);
            capAdd = List.copyOf(capAdd);
            capDrop = List.copyOf(capDrop);
            dns = List.copyOf(dns);
            dnsOptions = List.copyOf(dnsOptions);
            dnsSearch = List.copyOf(dnsSearch);
            extraHosts = List.copyOf(extraHosts);
            groupAdd = List.copyOf(groupAdd);
            securityOpt = List.copyOf(securityOpt);
            storageOpt = Map.copyOf(storageOpt);
            sysctls = Map.copyOf(sysctls);
            volumesFrom = List.copyOf(volumesFrom);
            annotations = Map.copyOf(annotations);
        }

        /** A host config with the engine's default masked and read-only paths. */
        public Host(List<String> binds, List<Mount> mounts, Map<String, String> tmpfs, List<PortBinding> portBindings,
                    boolean publishAllPorts, String networkMode, List<String> links, RestartPolicy restartPolicy,
                    boolean autoRemove, List<String> capAdd, List<String> capDrop, List<String> dns,
                    List<String> dnsOptions, List<String> dnsSearch, List<String> extraHosts, List<String> groupAdd,
                    String ipcMode, String pidMode, String utsMode, String usernsMode, String cgroupnsMode,
                    String cgroupParent, boolean privileged, boolean readonlyRootfs, Optional<Boolean> init,
                    List<String> securityOpt, Map<String, String> storageOpt, Map<String, String> sysctls,
                    long shmSize, String runtime, String isolation, String volumeDriver, List<String> volumesFrom,
                    LogConfig logConfig, Map<String, String> annotations, long oomScoreAdj, Resources resources) {
            this(binds, mounts, tmpfs, portBindings, publishAllPorts, networkMode, links, restartPolicy, autoRemove,
                    capAdd, capDrop, dns, dnsOptions, dnsSearch, extraHosts, groupAdd, ipcMode, pidMode, utsMode,
                    usernsMode, cgroupnsMode, cgroupParent, privileged, readonlyRootfs, init, securityOpt, storageOpt,
                    sysctls, shmSize, runtime, isolation, volumeDriver, volumesFrom, logConfig, annotations,
                    oomScoreAdj, resources, false);
        }
    }

    /** A mount of the host config's {@code Mounts} list. */
    public record Mount(String type, String source, String target, boolean readOnly, String consistency,
                        Optional<BindOptions> bind, Optional<VolumeOptions> volume, Optional<TmpfsOptions> tmpfs) {
    }

    /** Options of a bind mount. */
    public record BindOptions(String propagation, boolean createMountpoint, String recursive) {
    }

    /** Options of a volume mount. */
    public record VolumeOptions(boolean noCopy, String subpath, Map<String, String> labels) {
        public VolumeOptions {
            labels = Map.copyOf(labels);
        }
    }

    /** Options of a tmpfs mount. */
    public record TmpfsOptions(long sizeBytes, int mode) {
    }

    /** The restart policy: {@code no}, {@code always}, {@code on-failure} (with retries), {@code unless-stopped}. */
    public record RestartPolicy(String name, int maximumRetryCount) {
        public static final RestartPolicy NONE = new RestartPolicy("", 0);
    }

    /** The logging driver and its options. */
    public record LogConfig(String type, Map<String, String> config) {
        public LogConfig {
            config = Map.copyOf(config);
        }

        public static final LogConfig DEFAULT = new LogConfig("", Map.of());
    }

    /** Resource limits and reservations. */
    public record Resources(
            long nanoCpus,
            long cpuShares,
            long cpuPeriod,
            long cpuQuota,
            long cpuRealtimePeriod,
            long cpuRealtimeRuntime,
            String cpusetCpus,
            String cpusetMems,
            long cpuCount,
            long cpuPercent,
            long memory,
            long memoryReservation,
            long memorySwap,
            Optional<Long> memorySwappiness,
            Optional<Boolean> oomKillDisable,
            Optional<Long> pidsLimit,
            int blkioWeight,
            List<WeightDevice> blkioWeightDevice,
            List<ThrottleDevice> blkioDeviceReadBps,
            List<ThrottleDevice> blkioDeviceWriteBps,
            List<ThrottleDevice> blkioDeviceReadIops,
            List<ThrottleDevice> blkioDeviceWriteIops,
            List<Device> devices,
            List<String> deviceCgroupRules,
            List<DeviceRequest> deviceRequests,
            List<Ulimit> ulimits) {
        public Resources {
            blkioWeightDevice = List.copyOf(blkioWeightDevice);
            blkioDeviceReadBps = List.copyOf(blkioDeviceReadBps);
            blkioDeviceWriteBps = List.copyOf(blkioDeviceWriteBps);
            blkioDeviceReadIops = List.copyOf(blkioDeviceReadIops);
            blkioDeviceWriteIops = List.copyOf(blkioDeviceWriteIops);
            devices = List.copyOf(devices);
            deviceCgroupRules = List.copyOf(deviceCgroupRules);
            deviceRequests = List.copyOf(deviceRequests);
            ulimits = List.copyOf(ulimits);
        }
    }

    /** A block IO weight for one device. */
    public record WeightDevice(String path, int weight) {
    }

    /** A block IO rate limit for one device. */
    public record ThrottleDevice(String path, long rate) {
    }

    /** A host device mapped into the container. */
    public record Device(String pathOnHost, String pathInContainer, String cgroupPermissions) {
    }

    /** A request for devices such as GPUs; {@code count} -1 means all. */
    public record DeviceRequest(String driver, long count, List<String> deviceIds, List<List<String>> capabilities,
                                Map<String, String> options) {
        public DeviceRequest {
            deviceIds = List.copyOf(deviceIds);
            capabilities = List.copyOf(capabilities);
            options = Map.copyOf(options);
        }
    }

    /** A resource limit. */
    public record Ulimit(String name, long soft, long hard) {
    }
}
