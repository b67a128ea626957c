package io.github.compose4j.engine.swarm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container of a Swarm task. {@code command} is the entrypoint, {@code args} the command, as in the Engine API;
 * durations are in nanoseconds.
 */
public record TaskContainer(String image, Map<String, String> labels, List<String> command, List<String> args,
                            String hostname, List<String> env, String dir, String user, List<String> groups,
                            List<MountSpec> mounts, Optional<Long> stopGracePeriod, String stopSignal, boolean tty,
                            boolean openStdin, boolean readOnly, Optional<Health> healthcheck, List<String> hosts,
                            Optional<Dns> dns, List<FileRef> secrets, List<FileRef> configs, boolean init,
                            Map<String, String> sysctls, List<String> capabilityAdd, List<String> capabilityDrop,
                            List<Ulimit> ulimits) {
    public TaskContainer {
        labels = Map.copyOf(labels);
        command = List.copyOf(command);
        args = List.copyOf(args);
        env = List.copyOf(env);
        groups = List.copyOf(groups);
        mounts = List.copyOf(mounts);
        hosts = List.copyOf(hosts);
        secrets = List.copyOf(secrets);
        configs = List.copyOf(configs);
        sysctls = Map.copyOf(sysctls);
        capabilityAdd = List.copyOf(capabilityAdd);
        capabilityDrop = List.copyOf(capabilityDrop);
        ulimits = List.copyOf(ulimits);
    }

    public TaskContainer withImage(String newImage) {
        return new TaskContainer(newImage, labels, command, args, hostname, env, dir, user, groups, mounts,
            stopGracePeriod, stopSignal, tty, openStdin, readOnly, healthcheck, hosts, dns, secrets, configs, init,
            sysctls, capabilityAdd, capabilityDrop, ulimits);
    }

    public TaskContainer withFiles(List<FileRef> newSecrets, List<FileRef> newConfigs) {
        return new TaskContainer(image, labels, command, args, hostname, env, dir, user, groups, mounts,
            stopGracePeriod, stopSignal, tty, openStdin, readOnly, healthcheck, hosts, dns, newSecrets, newConfigs,
            init, sysctls, capabilityAdd, capabilityDrop, ulimits);
    }

    /**
     * A mount: {@code volume} (named, with the labels and driver it is created with on each node), {@code bind},
     * {@code tmpfs}. Options that do not apply to the type are empty.
     */
    public record MountSpec(String type, String source, String target, boolean readOnly, boolean noCopy,
                            Map<String, String> volumeLabels, String volumeDriver, Map<String, String> driverOptions,
                            String propagation, long tmpfsSize) {
        public MountSpec {
            volumeLabels = Map.copyOf(volumeLabels);
            driverOptions = Map.copyOf(driverOptions);
        }
    }

    /** A health check; {@code ["NONE"]} disables the image's. */
    public record Health(List<String> test, long interval, long timeout, long startPeriod, long retries) {
        public Health {
            test = List.copyOf(test);
        }
    }

    public record Dns(List<String> nameservers, List<String> search, List<String> options) {
        public Dns {
            nameservers = List.copyOf(nameservers);
            search = List.copyOf(search);
            options = List.copyOf(options);
        }
    }

    /**
     * A secret or config given to the tasks as a file: the Swarm object (its id is empty until resolved) and the
     * file's name, owner and mode.
     */
    public record FileRef(String objectName, String objectId, String fileName, String uid, String gid, long mode) {
        public FileRef withId(String id) {
            return new FileRef(objectName, id, fileName, uid, gid, mode);
        }
    }

    public record Ulimit(String name, long soft, long hard) {
    }
}
