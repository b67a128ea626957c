package io.github.compose4j.engine;

import io.github.compose4j.engine.EngineException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An in-memory {@link Engine} that behaves like the Docker daemon for everything the port exposes, and records
 * every call. Ids are deterministic 64-hex strings (the SHA-256 of a counter), so two runs of the same test see
 * the same ids. Thread-safe: every operation holds the engine's lock.
 *
 * <p>Like the daemon it has the predefined networks {@code bridge}, {@code host} and {@code none}; creating a
 * container needs its image and networks to exist; named volumes a container mounts are created on the fly and
 * anonymous ones go with the container when it is removed with its volumes. Pulls succeed (and add the image)
 * unless {@link #failPull} says otherwise. {@link #failOn} makes any call fail, for executor tests.
 */
public final class FakeEngine implements Engine {

    /**
     * One call made through the port.
     *
     * @param method the port method ({@code createContainer}, {@code startContainer}...)
     * @param target what it acted on, by name where it has one (container, network, volume or image name; the
     *               labels {@code k=v,...} of a list call)
     * @param detail the call's other argument, if any (the spec, the timeout, the signal...), else {@code ""}
     */
    public record Call(String method, String target, Object detail) {
        /** {@code "method target"}, handy for asserting sequences. */
        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    private final Object lock = new Object();
    private final String apiVersion;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Volume> volumes = new LinkedHashMap<>();
    private final Map<String, String> imageTags = new LinkedHashMap<>(); // normalized reference -> image id
    private final Map<String, EngineException> failingPulls = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<EngineEvent> events = new ArrayList<>();
    private long counter;
    private boolean closed;

    public FakeEngine() {
        this("1.41");
    }

    public FakeEngine(String apiVersion) {
        this.apiVersion = apiVersion;
        for (String name : List.of("bridge", "host", "none")) {
            String id = nextId("network");
            networks.put(id, new Network(id, name, name.equals("bridge") ? "bridge" : name, Map.of(),
                List.of(), false, false, false));
        }
    }

    // Configuration and inspection for tests

    /** Makes images present, as if pulled or built before. */
    public FakeEngine withImages(String... references) {
        synchronized (lock) {
            for (String reference : references) {
                imageTags.putIfAbsent(normalize(reference), "sha256:" + nextId("image"));
            }
            return this;
        }
    }

    /** Makes pulls of {@code reference} fail with {@code error} (after the progress the daemon sends first). */
    public FakeEngine failPull(String reference, EngineException error) {
        synchronized (lock) {
            failingPulls.put(normalize(reference), error);
            return this;
        }
    }

    /** Makes every later call of {@code method} on {@code target} ({@code "*"} for any) throw {@code error}. */
    public FakeEngine failOn(String method, String target, EngineException error) {
        synchronized (lock) {
            failures.add(new Failure(method, target, error));
            return this;
        }
    }

    /** The calls made so far, in order. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The calls made so far as {@code "method target"} lines, leaving out reads (list, inspect). */
    public List<String> changes() {
        synchronized (lock) {
            return calls.stream().filter(c -> !c.method().startsWith("list") && !c.method().startsWith("inspect"))
                .map(Call::toString).toList();
        }
    }

    public void clearCalls() {
        synchronized (lock) {
            calls.clear();
        }
    }

    /** The files written into a container by {@link #copyToContainer}, by absolute path. */
    public Map<String, byte[]> files(String containerIdOrName) {
        synchronized (lock) {
            return Collections.unmodifiableMap(new TreeMap<>(container(containerIdOrName).files));
        }
    }

    /** The spec a container was created with. */
    public ContainerSpec spec(String containerIdOrName) {
        synchronized (lock) {
            return container(containerIdOrName).spec;
        }
    }

    /** Sets the health status a health check would report ({@code starting}, {@code healthy}, {@code unhealthy}). */
    public void setHealth(String containerIdOrName, String status) {
        synchronized (lock) {
            container(containerIdOrName).health = status;
        }
    }

    /** Lets a running container end by itself with {@code exitCode}. */
    public void exit(String containerIdOrName, int exitCode) {
        synchronized (lock) {
            Container c = container(containerIdOrName);
            c.state = "exited";
            c.exitCode = exitCode;
            c.finishedAt = timestamp();
            emit(c, "die");
        }
    }

    // The port

    @Override
    public String apiVersion() {
        return apiVersion;
    }

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, boolean all) {
        synchronized (lock) {
            record("listContainers", labelText(labels), all);
            List<ContainerSummary> result = new ArrayList<>();
            for (Container c : containers.values()) {
                if ((all || c.isUp()) && matches(c.spec.config().labels(), labels)) {
                    result.add(c.summary());
                }
            }
            Collections.reverse(result); // newest first, as the daemon lists them
            return result;
        }
    }

    @Override
    public Optional<ContainerDetails> inspectContainer(String idOrName) {
        synchronized (lock) {
            record("inspectContainer", idOrName, "");
            return findContainer(idOrName).map(Container::details);
        }
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        synchronized (lock) {
            record("createContainer", spec.name(), spec);
            String name = spec.name().isEmpty() ? "fake_" + (counter + 1) : spec.name();
            for (Container other : containers.values()) {
                if (other.name.equals(name)) {
                    throw new EngineException(Kind.CONFLICT, daemon("Conflict. The container name \"/" + name
                        + "\" is already in use by container \"" + other.id + "\". You have to remove (or rename)"
                        + " that container to be able to reuse that name."));
                }
            }
            String imageId = imageId(spec.config().image()).orElseThrow(() -> new EngineException(Kind.NOT_FOUND,
                daemon("No such image: " + normalize(spec.config().image()))));
            Map<String, EndpointSpec> attach = new LinkedHashMap<>();
            String mode = spec.host().networkMode();
            if (mode.isEmpty() || mode.equals("default")) {
                if (spec.endpoints().isEmpty()) {
                    attach.put(networkNamed("bridge").id, noEndpoint());
                }
            } else if (!mode.startsWith("container:") && !spec.endpoints().containsKey(mode)) {
                attach.put(networkNamed(mode).id, noEndpoint());
            }
            new TreeMap<>(spec.endpoints()).forEach((n, e) -> attach.put(networkNamed(n).id, e));
            String id = nextId("container");
            Container c = new Container(id, name, spec, imageId);
            c.networks.putAll(attach);
            attachVolumes(c);
            containers.put(id, c);
            emit(c, "create");
            return id;
        }
    }

    @Override
    public void startContainer(String id) {
        synchronized (lock) {
            record("startContainer", containerTarget(id), "");
            Container c = container(id);
            if (!c.state.equals("running")) {
                c.state = "running";
                c.exitCode = 0;
                c.startedAt = timestamp();
                c.health = c.hasHealthcheck() ? "starting" : "";
                c.starts++;
                emit(c, "start");
                runScript(c);
            }
        }
    }

    @Override
    public void stopContainer(String id, OptionalInt timeoutSeconds) {
        synchronized (lock) {
            record("stopContainer", containerTarget(id), timeoutSeconds);
            Container c = container(id);
            if (c.isUp()) {
                c.state = "exited";
                c.exitCode = 0;
                c.finishedAt = timestamp();
                emit(c, "kill");
                emit(c, "die");
                emit(c, "stop");
            }
        }
    }

    @Override
    public void killContainer(String id, String signal) {
        synchronized (lock) {
            record("killContainer", containerTarget(id), signal);
            Container c = container(id);
            if (!c.isUp()) {
                throw new EngineException(Kind.CONFLICT, daemon("Cannot kill container: " + id + ": Container "
                    + c.id + " is not running"));
            }
            c.state = "exited";
            c.exitCode = 137;
            c.finishedAt = timestamp();
            emit(c, "kill");
            emit(c, "die");
        }
    }

    @Override
    public void removeContainer(String id, boolean force, boolean removeAnonymousVolumes) {
        synchronized (lock) {
            record("removeContainer", containerTarget(id), force ? "force" : "");
            Container c = container(id);
            if (c.state.equals("paused") && !force) {
                throw new EngineException(Kind.CONFLICT, daemon("You cannot remove a paused container " + c.id
                    + ". Unpause and then stop the container before attempting removal or force remove"));
            }
            if (c.state.equals("running") && !force) {
                throw new EngineException(Kind.CONFLICT, daemon("You cannot remove a running container " + c.id
                    + ". Stop the container before attempting removal or force remove"));
            }
            if (c.state.equals("running")) {
                c.state = "exited";
                c.exitCode = 137;
                emit(c, "kill");
                emit(c, "die");
            }
            containers.remove(c.id);
            emit(c, "destroy");
            if (removeAnonymousVolumes) {
                c.anonymousVolumes.forEach(volumes::remove);
            }
        }
    }

    @Override
    public void renameContainer(String id, String newName) {
        synchronized (lock) {
            record("renameContainer", containerTarget(id), newName);
            Container c = container(id);
            if (c.name.equals(newName)) {
                throw new EngineException(Kind.INVALID,
                    daemon("Renaming a container with the same name as its current name"));
            }
            for (Container other : containers.values()) {
                if (other.name.equals(newName)) {
                    throw new EngineException(Kind.CONFLICT, daemon("Error when allocating new name: Conflict. The"
                        + " container name \"/" + newName + "\" is already in use by container \"" + other.id
                        + "\". You have to remove (or rename) that container to be able to reuse that name."));
                }
            }
            c.name = newName;
        }
    }

    @Override
    public void connectNetwork(String network, String containerId, EndpointSpec endpoint) {
        synchronized (lock) {
            record("connectNetwork", network, containerTarget(containerId));
            Network n = networkNamed(network);
            Container c = container(containerId);
            if (c.networks.containsKey(n.id)) {
                throw new EngineException(Kind.OTHER, daemon("endpoint with name " + c.name
                    + " already exists in network " + n.name));
            }
            c.networks.put(n.id, endpoint);
        }
    }

    @Override
    public void copyToContainer(String containerId, String directory, byte[] tarArchive, boolean copyUidGid) {
        synchronized (lock) {
            record("copyToContainer", containerTarget(containerId), directory);
            Container c = container(containerId);
            String base = directory.endsWith("/") ? directory : directory + "/";
            TestTar.read(tarArchive).forEach((path, content) -> c.files.put(join(base, path), content));
        }
    }

    @Override
    public List<NetworkSummary> listNetworks(Map<String, String> labels) {
        synchronized (lock) {
            record("listNetworks", labelText(labels), "");
            return networks.values().stream().filter(n -> matches(n.labels, labels)).map(this::summary).toList();
        }
    }

    @Override
    public Optional<NetworkSummary> inspectNetwork(String nameOrId) {
        synchronized (lock) {
            record("inspectNetwork", nameOrId, "");
            return networks.values().stream().filter(n -> n.id.equals(nameOrId) || n.name.equals(nameOrId))
                .findFirst().map(this::summary);
        }
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        synchronized (lock) {
            record("createNetwork", spec.name(), spec);
            if (networks.values().stream().anyMatch(n -> n.name.equals(spec.name()))) {
                throw new EngineException(Kind.CONFLICT, daemon("network with name " + spec.name()
                    + " already exists"));
            }
            String id = nextId("network");
            networks.put(id, new Network(id, spec.name(), spec.driver().isEmpty() ? "bridge" : spec.driver(),
                spec.labels(), spec.ipamPools(), spec.internal(), spec.attachable(),
                spec.enableIpv6().orElse(false)));
            return id;
        }
    }

    @Override
    public void removeNetwork(String id) {
        synchronized (lock) {
            record("removeNetwork", networks.values().stream().filter(x -> x.id.equals(id)).map(Network::name)
                .findFirst().orElse(id), "");
            Network n = networkNamed(id);
            List<String> users = attached(n);
            if (!users.isEmpty()) {
                throw new EngineException(Kind.OTHER, daemon("error while removing network: network " + n.name
                    + " id " + n.id + " has active endpoints"));
            }
            if (List.of("bridge", "host", "none").contains(n.name)) {
                throw new EngineException(Kind.OTHER, daemon(n.name + " is a pre-defined network and cannot be"
                    + " removed"));
            }
            networks.remove(n.id);
        }
    }

    @Override
    public List<VolumeSummary> listVolumes(Map<String, String> labels) {
        synchronized (lock) {
            record("listVolumes", labelText(labels), "");
            return volumes.values().stream().filter(v -> matches(v.labels, labels)).map(Volume::summary).toList();
        }
    }

    @Override
    public Optional<VolumeSummary> inspectVolume(String name) {
        synchronized (lock) {
            record("inspectVolume", name, "");
            return Optional.ofNullable(volumes.get(name)).map(Volume::summary);
        }
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        synchronized (lock) {
            record("createVolume", spec.name(), spec);
            // Like the daemon: creating an existing volume is no error and changes nothing.
            volumes.putIfAbsent(spec.name(), new Volume(spec.name(),
                spec.driver().isEmpty() ? "local" : spec.driver(), spec.labels(), spec.driverOpts()));
        }
    }

    @Override
    public void removeVolume(String name, boolean force) {
        synchronized (lock) {
            record("removeVolume", name, force ? "force" : "");
            if (!volumes.containsKey(name)) {
                if (force) {
                    return;
                }
                throw new EngineException(Kind.NOT_FOUND, daemon("get " + name + ": no such volume"));
            }
            List<String> users = containers.values().stream().filter(c -> c.volumes().contains(name))
                .map(c -> c.id).toList();
            if (!users.isEmpty()) {
                throw new EngineException(Kind.CONFLICT, daemon("remove " + name + ": volume is in use - "
                    + users));
            }
            volumes.remove(name);
        }
    }

    @Override
    public Optional<ImageSummary> inspectImage(String reference) {
        synchronized (lock) {
            record("inspectImage", reference, "");
            return imageId(reference).map(this::imageSummary);
        }
    }

    @Override
    public void pullImage(String reference, Optional<String> platform, Consumer<PullProgress> progress) {
        synchronized (lock) {
            record("pullImage", reference, platform.orElse(""));
            String normalized = normalize(reference);
            int colon = normalized.lastIndexOf(':');
            progress.accept(new PullProgress(normalized.substring(colon + 1), "Pulling from "
                + normalized.substring(0, colon), 0, 0));
            EngineException failure = failingPulls.get(normalized);
            if (failure != null) {
                throw failure;
            }
            String id = imageTags.computeIfAbsent(normalized, r -> "sha256:" + nextId("image"));
            progress.accept(new PullProgress("", "Digest: " + id, 0, 0));
            progress.accept(new PullProgress("", "Status: Downloaded newer image for " + normalized, 0, 0));
        }
    }

    @Override
    public void removeImage(String reference, boolean force) {
        synchronized (lock) {
            record("removeImage", reference, force ? "force" : "");
            String normalized = normalize(reference);
            String id = imageTags.get(normalized);
            if (id == null) {
                throw new EngineException(Kind.NOT_FOUND, daemon("No such image: " + reference));
            }
            boolean lastTag = imageTags.values().stream().filter(id::equals).count() == 1;
            Optional<Container> user = containers.values().stream().filter(c -> c.imageId.equals(id)).findFirst();
            if (lastTag && user.isPresent() && !force) {
                throw new EngineException(Kind.CONFLICT, daemon("conflict: unable to remove repository reference \""
                    + reference + "\" (must force) - container " + user.get().id.substring(0, 12)
                    + " is using its referenced image " + id.substring(7, 19)));
            }
            imageTags.remove(normalized);
        }
    }

    // Lifecycle

    @Override
    public void pauseContainer(String id) {
        synchronized (lock) {
            record("pauseContainer", containerTarget(id), "");
            Container c = container(id);
            if (c.state.equals("paused")) {
                throw new EngineException(Kind.CONFLICT, daemon("Container " + c.id + " is already paused"));
            }
            if (!c.state.equals("running")) {
                throw new EngineException(Kind.CONFLICT, daemon("Container " + c.id + " is not running"));
            }
            c.state = "paused";
        }
    }

    @Override
    public void unpauseContainer(String id) {
        synchronized (lock) {
            record("unpauseContainer", containerTarget(id), "");
            Container c = container(id);
            if (!c.state.equals("paused")) {
                throw new EngineException(Kind.OTHER, daemon("Container " + c.id + " is not paused")); // a 500
            }
            c.state = "running";
        }
    }

    @Override
    public void restartContainer(String id, OptionalInt timeoutSeconds) {
        synchronized (lock) {
            record("restartContainer", containerTarget(id), timeoutSeconds);
            Container c = container(id);
            c.state = "running";
            c.exitCode = 0;
            c.startedAt = timestamp();
            c.health = c.hasHealthcheck() ? "starting" : "";
        }
    }

    @Override
    public int waitContainer(String id) {
        synchronized (lock) {
            record("waitContainer", containerTarget(id), "");
            Container c = container(id);
            while (c.isUp()) {
                try {
                    lock.wait(20); // states change under the lock without notification
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EngineException(Kind.UNAVAILABLE, "interrupted while waiting for " + c.name);
                }
            }
            return c.exitCode;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll(); // event followers end
        }
    }

    /** Makes a running container write {@code text} (split into lines, each with its own time). */
    public void print(String containerIdOrName, boolean stderr, String text) {
        synchronized (lock) {
            Container c = container(containerIdOrName);
            write(c, stderr, text);
        }
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    // Logs and attach

    @Override
    public ContainerOutput containerLogs(String containerId, LogQuery query) {
        synchronized (lock) {
            record("containerLogs", containerTarget(containerId), query);
            Container c = container(containerId);
            int from = 0;
            if (!query.tail().equals("all") && !query.tail().isEmpty()) {
                from = Math.max(0, c.output.size() - Integer.parseInt(query.tail()));
            }
            long since = engineTime(query.since(), Long.MIN_VALUE);
            long until = engineTime(query.until(), Long.MAX_VALUE);
            return new FakeOutput(c, from, o -> o.nanos > since && o.nanos <= until, query.timestamps(),
                c.starts); // following a running container ends when this run stops, as the daemon's stream does
        }
    }

    @Override
    public ContainerOutput attachOutput(String containerId) {
        synchronized (lock) {
            record("attachContainer", containerTarget(containerId), "");
            Container c = container(containerId);
            // Ends when the run in progress stops, or the next one if the container is not running.
            int endsAfterStarts = c.state.equals("running") ? c.starts : c.starts + 1;
            return new FakeOutput(c, c.output.size(), o -> true, false, endsAfterStarts);
        }
    }

    @Override
    public EventFeed events(Map<String, String> labels) {
        synchronized (lock) {
            record("events", labelText(labels), "");
            int from = events.size();
            return new EventFeed() {
                private int next = from;
                private boolean closed;

                @Override
                public Optional<EngineEvent> next() {
                    synchronized (lock) {
                        while (!closed && !FakeEngine.this.closed) {
                            while (next < events.size()) {
                                EngineEvent e = events.get(next++);
                                if (matches(e.attributes(), labels)) {
                                    return Optional.of(e);
                                }
                            }
                            await();
                        }
                        return Optional.empty();
                    }
                }

                @Override
                public void close() {
                    synchronized (lock) {
                        closed = true;
                        lock.notifyAll();
                    }
                }
            };
        }
    }

    /** One line a container wrote. */
    private record Output(boolean stderr, byte[] bytes, long nanos) {
    }

    /** Output read from an index on; ends once the container has been started {@code endsAfterStarts} times and stopped. */
    private final class FakeOutput implements ContainerOutput {
        private final Container container;
        private final java.util.function.Predicate<Output> wanted;
        private final boolean timestamps;
        private final int endsAfterStarts;
        private int next;
        private boolean closed;

        FakeOutput(Container container, int from, java.util.function.Predicate<Output> wanted, boolean timestamps,
                   int endsAfterStarts) {
            this.container = container;
            this.next = from;
            this.wanted = wanted;
            this.timestamps = timestamps;
            this.endsAfterStarts = endsAfterStarts;
        }

        @Override
        public Optional<OutputChunk> next() {
            synchronized (lock) {
                while (!closed) {
                    while (next < container.output.size()) {
                        Output o = container.output.get(next++);
                        if (wanted.test(o)) {
                            byte[] bytes = o.bytes;
                            if (timestamps) {
                                byte[] time = (rfc3339(o.nanos) + " ").getBytes(StandardCharsets.UTF_8);
                                bytes = new byte[time.length + o.bytes.length];
                                System.arraycopy(time, 0, bytes, 0, time.length);
                                System.arraycopy(o.bytes, 0, bytes, time.length, o.bytes.length);
                            }
                            return Optional.of(new OutputChunk(o.stderr, bytes));
                        }
                    }
                    boolean gone = !containers.containsKey(container.id);
                    boolean ended = endsAfterStarts >= 0 && container.starts >= endsAfterStarts
                        && !container.state.equals("running");
                    if (gone || ended || FakeEngine.this.closed) {
                        return Optional.empty();
                    }
                    await();
                }
                return Optional.empty();
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
        }
    }

    // Internals (all called with the lock held)

    private void await() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(Kind.OTHER, "interrupted");
        }
    }

    private void write(Container c, boolean stderr, String text) {
        long now = java.time.Instant.now().getEpochSecond() * 1_000_000_000L + java.time.Instant.now().getNano();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            c.output.add(new Output(stderr, text.substring(start, end).getBytes(StandardCharsets.UTF_8), now++));
            start = end;
        }
        lock.notifyAll();
    }

    /**
     * Plays the part of a shell for commands {@code sh -c "echo a; echo b >&2; exit 3"}: the output is written and
     * the container exits with the status. Any other command keeps running until stopped.
     */
    private void runScript(Container c) {
        List<String> cmd = c.spec.config().cmd().orElse(List.of());
        if (cmd.size() != 3 || !cmd.get(0).equals("sh") || !cmd.get(1).equals("-c")) {
            return;
        }
        int status = 0;
        for (String statement : cmd.get(2).split(";")) {
            String st = statement.strip();
            if (st.startsWith("echo ")) {
                boolean stderr = st.endsWith(">&2");
                String words = (stderr ? st.substring(0, st.length() - 3) : st).substring(5).strip();
                write(c, stderr, words + "\n");
            } else if (st.startsWith("exit ")) {
                status = Integer.parseInt(st.substring(5).strip());
                break;
            } else if (!st.isEmpty()) {
                return; // not a script the fake can play: the container keeps running
            }
        }
        c.state = "exited";
        c.exitCode = status;
        c.finishedAt = timestamp();
        emit(c, "die");
    }

    private static long engineTime(String value, long absent) {
        if (value.isEmpty()) {
            return absent;
        }
        int dot = value.indexOf('.');
        long seconds = Long.parseLong(dot < 0 ? value : value.substring(0, dot));
        long nanos = dot < 0 ? 0 : Long.parseLong((value.substring(dot + 1) + "000000000").substring(0, 9));
        return seconds * 1_000_000_000L + nanos;
    }

    private static String rfc3339(long nanos) {
        java.time.Instant t = java.time.Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC).format(t);
    }

    private void record(String method, String target, Object detail) {
        calls.add(new Call(method, target, detail));
        for (Failure f : failures) {
            if (f.method.equals(method) && (f.target.equals("*") || f.target.equals(target))) {
                throw f.error;
            }
        }
    }

    private String nextId(String kind) {
        counter++;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((kind + ":" + counter).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String timestamp() {
        return "2024-01-01T00:00:" + String.format("%02d", counter % 60) + "Z";
    }

    /** The daemon finds containers by full id, exact name, or a unique id prefix. */
    private Optional<Container> findContainer(String idOrName) {
        String name = idOrName.startsWith("/") ? idOrName.substring(1) : idOrName;
        Container byId = containers.get(idOrName);
        if (byId != null) {
            return Optional.of(byId);
        }
        for (Container c : containers.values()) {
            if (c.name.equals(name)) {
                return Optional.of(c);
            }
        }
        List<Container> prefixed = containers.values().stream()
            .filter(c -> !idOrName.isEmpty() && c.id.startsWith(idOrName)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    private String containerTarget(String idOrName) {
        return findContainer(idOrName).map(c -> c.name).orElse(idOrName);
    }

    private Container container(String idOrName) {
        return findContainer(idOrName).orElseThrow(() -> new EngineException(Kind.NOT_FOUND,
            daemon("No such container: " + idOrName)));
    }

    /** Networks too are found by full id, exact name or unique id prefix, in that order, by the daemon. */
    private Network networkNamed(String nameOrId) {
        Network byId = networks.get(nameOrId);
        if (byId != null) {
            return byId;
        }
        for (Network n : networks.values()) {
            if (n.name.equals(nameOrId)) {
                return n;
            }
        }
        List<Network> prefixed = networks.values().stream()
            .filter(n -> !nameOrId.isEmpty() && n.id.startsWith(nameOrId)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        throw new EngineException(Kind.NOT_FOUND, daemon("network " + nameOrId + " not found"));
    }

    private List<String> attached(Network n) {
        return containers.values().stream().filter(c -> c.networks.containsKey(n.id)).map(c -> c.id).toList();
    }

    private NetworkSummary summary(Network n) {
        String scope = "local";
        return new NetworkSummary(n.id, n.name, n.driver, scope, n.labels, n.internal, n.attachable, n.enableIpv6,
            n.pools, attached(n));
    }

    private Optional<String> imageId(String reference) {
        String id = imageTags.get(normalize(reference));
        if (id != null) {
            return Optional.of(id);
        }
        String bare = reference.startsWith("sha256:") ? reference.substring(7) : reference;
        if (bare.length() < 12) {
            return Optional.empty();
        }
        return imageTags.values().stream().filter(i -> i.substring(7).startsWith(bare)).findFirst();
    }

    private ImageSummary imageSummary(String id) {
        List<String> tags = imageTags.entrySet().stream().filter(e -> e.getValue().equals(id))
            .map(Map.Entry::getKey).toList();
        return new ImageSummary(id, tags, List.of(), imageLabels.getOrDefault(id, Map.of()), "linux", "amd64",
            1_700_000_000L, 2_000_000L, java.util.Set.of());
    }

    /** Named volumes a container mounts exist after creation; anonymous ones are made for it. */
    private void attachVolumes(Container c) {
        Set<String> targets = new LinkedHashSet<>();
        for (ContainerSpec.Mount m : c.spec.host().mounts()) {
            targets.add(m.target());
            if (m.type().equals("volume")) {
                String name = m.source().isEmpty() ? anonymousVolume(c) : namedVolume(c, m.source());
                c.mounts.add(new ContainerDetails.MountState("volume", name, volumePath(name), m.target(),
                    !m.readOnly()));
            } else {
                c.mounts.add(new ContainerDetails.MountState(m.type(), "", m.source(), m.target(), !m.readOnly()));
            }
        }
        for (String bind : c.spec.host().binds()) {
            String[] parts = bind.split(":");
            if (parts.length >= 2) {
                targets.add(parts[1]);
                boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                if (parts[0].startsWith("/") || parts[0].startsWith(".")) {
                    c.mounts.add(new ContainerDetails.MountState("bind", "", parts[0], parts[1], !readOnly));
                } else {
                    String name = namedVolume(c, parts[0]);
                    c.mounts.add(new ContainerDetails.MountState("volume", name, volumePath(name), parts[1],
                        !readOnly));
                }
            }
        }
        for (String path : new TreeMap<>(c.spec.config().volumes()).keySet()) {
            if (!targets.contains(path)) {
                String name = anonymousVolume(c);
                c.mounts.add(new ContainerDetails.MountState("volume", name, volumePath(name), path, true));
            }
        }
    }

    private static String volumePath(String name) {
        return "/var/lib/docker/volumes/" + name + "/_data";
    }

    private String namedVolume(Container c, String name) {
        volumes.putIfAbsent(name, new Volume(name, "local", Map.of(), Map.of()));
        c.namedVolumes.add(name);
        return name;
    }

    private String anonymousVolume(Container c) {
        String name = nextId("volume");
        volumes.put(name, new Volume(name, "local", Map.of(), Map.of()));
        c.anonymousVolumes.add(name);
        return name;
    }

    private static EndpointSpec noEndpoint() {
        return new EndpointSpec(List.of(), List.of(), "", "", List.of(), "", Map.of(), 0);
    }

    private static boolean matches(Map<String, String> labels, Map<String, String> filter) {
        return filter.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static String labelText(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    }

    private static String daemon(String message) {
        return "Error response from daemon: " + message;
    }

    private static String join(String base, String entry) {
        String path = entry.startsWith("./") ? entry.substring(2) : entry;
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** {@code busybox} is {@code docker.io/library/busybox:latest}; references are kept in the short form. */
    static String normalize(String reference) {
        String r = reference;
        if (r.startsWith("docker.io/")) {
            r = r.substring("docker.io/".length());
        }
        if (r.startsWith("library/")) {
            r = r.substring("library/".length());
        }
        if (!r.contains("@") && r.lastIndexOf(':') <= r.lastIndexOf('/')) {
            r = r + ":latest";
        }
        return r;
    }

    private record Failure(String method, String target, EngineException error) {
    }

    private record Network(String id, String name, String driver, Map<String, String> labels,
                           List<IpamPoolSpec> pools, boolean internal, boolean attachable, boolean enableIpv6) {
    }

    private record Volume(String name, String driver, Map<String, String> labels, Map<String, String> options) {
        VolumeSummary summary() {
            return new VolumeSummary(name, driver, labels, volumePath(name), options);
        }
    }

    private final class Container {
        final String id;
        final ContainerSpec spec;
        final String imageId;
        final long created = counter;
        final Map<String, EndpointSpec> networks = new LinkedHashMap<>(); // by network id
        final List<String> anonymousVolumes = new ArrayList<>();
        final List<String> namedVolumes = new ArrayList<>();
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final List<ContainerDetails.MountState> mounts = new ArrayList<>();
        String name;
        String state = "created";
        int exitCode;
        String health = "";
        String startedAt = "0001-01-01T00:00:00Z";
        String finishedAt = "0001-01-01T00:00:00Z";
        final List<Output> output = new ArrayList<>();
        int starts;

        Container(String id, String name, ContainerSpec spec, String imageId) {
            this.id = id;
            this.name = name;
            this.spec = spec;
            this.imageId = imageId;
        }

        /** Running as the engine lists it without {@code all}: paused containers still run. */
        boolean isUp() {
            return state.equals("running") || state.equals("paused");
        }

        boolean hasHealthcheck() {
            return spec.config().healthcheck().map(h -> !h.test().isEmpty() && !h.test().get(0).equals("NONE"))
                .orElse(false);
        }

        List<String> volumes() {
            List<String> all = new ArrayList<>(namedVolumes);
            all.addAll(anonymousVolumes);
            return all;
        }

        List<String> networkNames() {
            return networks.keySet().stream().map(FakeEngine.this.networks::get).map(Network::name).toList();
        }

        String status() {
            return switch (state) {
                case "running" -> "Up Less than a second";
                case "exited" -> "Exited (" + exitCode + ") Less than a second ago";
                default -> "Created";
            };
        }

        ContainerSummary summary() {
            List<PortBinding> ports = state.equals("running") ? spec.host().portBindings().stream()
                .map(p -> new PortBinding(p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp(), p.hostPort(),
                    p.containerPort(), p.protocol().isEmpty() ? "tcp" : p.protocol())).toList() : List.of();
            return new ContainerSummary(id, name, spec.config().image(), imageId, spec.config().labels(), state,
                status(), 1_700_000_000L + created, networkNames(), ports);
        }

        ContainerDetails details() {
            Map<String, ContainerDetails.EndpointState> endpoints = new LinkedHashMap<>();
            networks.forEach((networkId, e) -> endpoints.put(FakeEngine.this.networks.get(networkId).name,
                new ContainerDetails.EndpointState(networkId, e.ipv4Address(), e.ipv6Address(), e.aliases())));
            String mode = spec.host().networkMode().isEmpty() ? "default" : spec.host().networkMode();
            return new ContainerDetails(id, name, spec.config().image(), imageId, spec.config().labels(), state,
                isUp(), exitCode, health.isEmpty() ? Optional.empty() : Optional.of(health),
                hasHealthcheck(), mode, endpoints, mounts, startedAt, finishedAt, false, spec.config().tty(),
                spec.config().openStdin());
        }
    }

    // Inspection


    /** Records an event about a container and wakes the event followers (called with the lock held). */
    private void emit(Container c, String action) {
        Map<String, String> attributes = new LinkedHashMap<>(c.spec.config().labels());
        attributes.put("name", c.name);
        attributes.put("image", c.spec.config().image());
        if (action.equals("die")) {
            attributes.put("exitCode", Integer.toString(c.exitCode));
        }
        events.add(new EngineEvent("container", action, c.id, attributes,
            (1_700_000_000L + counter) * 1_000_000_000L + events.size()));
        lock.notifyAll();
    }

    @Override
    public List<ContainerListing> listContainerListings(Map<String, String> labels, Set<String> labelKeys,
                                                        boolean all) {
        synchronized (lock) {
            record("listContainerListings", labelText(labels), all);
            List<ContainerListing> result = new ArrayList<>();
            for (Container c : containers.values()) {
                Map<String, String> own = c.spec.config().labels();
                if ((all || c.state.equals("running")) && matches(own, labels) && own.keySet().containsAll(labelKeys)) {
                    List<ContainerListing.ListedMount> mounts = c.mounts.stream()
                        .map(m -> new ContainerListing.ListedMount(m.name(), m.source(), m.type().equals("volume")
                            ? "local" : "")).toList();
                    result.add(new ContainerListing(c.summary(), List.of("/" + c.name), command(c), mounts));
                }
            }
            Collections.reverse(result); // newest first, as the daemon lists them
            return result;
        }
    }

    /** The command line as the daemon lists it: the path, then the arguments, those with a space quoted. */
    private static String command(Container c) {
        List<String> line = new ArrayList<>(c.spec.config().entrypoint().orElse(List.of()));
        line.addAll(c.spec.config().cmd().orElse(List.of()));
        if (line.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(line.get(0));
        for (String arg : line.subList(1, line.size())) {
            sb.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
        }
        return sb.toString();
    }

    @Override
    public ProcessList top(String containerId) {
        synchronized (lock) {
            record("top", containerTarget(containerId), "");
            Container c = container(containerId);
            if (!c.state.equals("running")) {
                throw new EngineException(Kind.CONFLICT, daemon("Container " + c.id + " is not running"));
            }
            return new ProcessList(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"),
                List.of(List.of("root", "1000", "999", "0", "00:00", "?", "00:00:00", command(c))));
        }
    }

    @Override
    public ContainerStats stats(String containerId) {
        synchronized (lock) {
            record("stats", containerTarget(containerId), "");
            Container c = container(containerId);
            boolean running = c.state.equals("running");
            return new ContainerStats(c.id, c.name, 0, 0, 0, 0, running ? 2 : 0, running ? 1 << 20 : 0,
                running ? 1L << 32 : 0, 0, 0, 0, 0, running ? 1 : 0);
        }
    }

    // Exec, run and copy

    private final Map<String, byte[]> attachOutputs = new LinkedHashMap<>();
    private final Map<String, Integer> runExitCodes = new LinkedHashMap<>();
    private final Map<String, ExecSpec> execs = new LinkedHashMap<>();
    private final Map<String, Integer> execExits = new LinkedHashMap<>();
    private byte[] nextExecOutput = new byte[0];
    private int nextExecExitCode;

    /**
     * What a container sends to whoever attaches to it (raw engine stream) and the code it exits with once
     * started and waited for; by container name, prefix-free. Unset containers send nothing and exit with 0.
     */
    public FakeEngine onRun(String containerNamePrefix, byte[] rawOutput, int exitCode) {
        synchronized (lock) {
            attachOutputs.put(containerNamePrefix, rawOutput);
            runExitCodes.put(containerNamePrefix, exitCode);
            return this;
        }
    }

    /** What the next exec sends back (raw engine stream) and exits with. */
    public FakeEngine onNextExec(byte[] rawOutput, int exitCode) {
        synchronized (lock) {
            nextExecOutput = rawOutput;
            nextExecExitCode = exitCode;
            return this;
        }
    }

    /** The execs created, by exec id, with their spec. */
    public Map<String, ExecSpec> execs() {
        synchronized (lock) {
            return Map.copyOf(execs);
        }
    }

    private <T> T byPrefix(Map<String, T> map, String name, T fallback) {
        for (Map.Entry<String, T> e : map.entrySet()) {
            if (name.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return fallback;
    }

    @Override
    public StreamSession attachContainer(String id, Optional<java.io.InputStream> stdin, String detachKeys) {
        synchronized (lock) {
            record("attachContainer", containerTarget(id), (stdin.isPresent() ? "stdin" : "")
                    + (detachKeys.isEmpty() ? "" : " detachKeys=" + detachKeys));
            Container c = container(id);
            byte[] output = byPrefix(attachOutputs, c.name, new byte[0]);
            return session(output);
        }
    }

    @Override
    public ExitWatch watchExit(String id, boolean untilRemoved) {
        synchronized (lock) {
            record("watchExit", containerTarget(id), untilRemoved ? "removed" : "next-exit");
            Container c = container(id);
            return new ExitWatch() {
                @Override
                public int await() {
                    synchronized (lock) {
                        int code = byPrefix(runExitCodes, c.name, 0);
                        c.state = "exited";
                        c.exitCode = code;
                        if (c.spec.host().autoRemove()) {
                            containers.remove(c.id);
                        }
                        return code;
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Override
    public void resizeContainerTty(String id, int rows, int columns) {
        synchronized (lock) {
            record("resizeContainerTty", containerTarget(id), rows + "x" + columns);
        }
    }

    @Override
    public String createExec(String containerId, ExecSpec spec) {
        synchronized (lock) {
            record("createExec", containerTarget(containerId), spec);
            Container c = container(containerId);
            if (!c.state.equals("running")) {
                throw new EngineException(Kind.CONFLICT, daemon("Container " + c.id + " is not running"));
            }
            String id = nextId("exec");
            execs.put(id, spec);
            return id;
        }
    }

    @Override
    public StreamSession startExec(String execId, boolean tty, Optional<java.io.InputStream> stdin) {
        synchronized (lock) {
            record("startExec", execId, stdin.isPresent() ? "stdin" : "");
            execExits.put(execId, nextExecExitCode);
            byte[] output = nextExecOutput;
            nextExecOutput = new byte[0];
            nextExecExitCode = 0;
            return session(output);
        }
    }

    @Override
    public void startExecDetached(String execId, boolean tty) {
        synchronized (lock) {
            record("startExecDetached", execId, "");
            execExits.put(execId, nextExecExitCode);
        }
    }

    @Override
    public void resizeExecTty(String execId, int rows, int columns) {
        synchronized (lock) {
            record("resizeExecTty", execId, rows + "x" + columns);
        }
    }

    @Override
    public OptionalInt execExitCode(String execId) {
        synchronized (lock) {
            Integer code = execExits.get(execId);
            return code == null ? OptionalInt.empty() : OptionalInt.of(code);
        }
    }

    @Override
    public Optional<PathStat> statContainerPath(String containerId, String path) {
        synchronized (lock) {
            record("statContainerPath", containerTarget(containerId), path);
            Container c = container(containerId);
            String clean = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            String base = clean.substring(clean.lastIndexOf('/') + 1);
            if (c.files.containsKey(clean)) {
                return Optional.of(new PathStat(base, c.files.get(clean).length, 0644, ""));
            }
            String dir = clean.endsWith("/") ? clean : clean + "/";
            if (clean.equals("/") || clean.equals("/tmp") || c.files.keySet().stream().anyMatch(f -> f.startsWith(dir))) {
                return Optional.of(new PathStat(base, 4096, PathStat.DIRECTORY | 0755, ""));
            }
            return Optional.empty();
        }
    }

    @Override
    public ArchiveStream readArchive(String containerId, String path) {
        synchronized (lock) {
            record("readArchive", containerTarget(containerId), path);
            Container c = container(containerId);
            PathStat stat = statContainerPath(containerId, path).orElseThrow(() -> new EngineException(Kind.NOT_FOUND,
                daemon("Could not find the file " + path + " in container " + containerId)));
            String clean = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            String parent = clean.substring(0, clean.lastIndexOf('/') + 1);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            c.files.forEach((f, content) -> {
                if (f.equals(clean) || f.startsWith(clean + "/")) {
                    entries.put(f.substring(parent.length()), content);
                }
            });
            byte[] tar = TestTar.of(entries);
            return new ArchiveStream() {
                @Override
                public PathStat stat() {
                    return stat;
                }

                @Override
                public java.io.InputStream tar() {
                    return new java.io.ByteArrayInputStream(tar);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Override
    public void writeArchive(String containerId, String directory, java.io.InputStream tar, boolean copyUidGid) {
        byte[] bytes;
        try {
            bytes = tar.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        synchronized (lock) {
            record("writeArchive", containerTarget(containerId), directory);
            Container c = container(containerId);
            String base = directory.endsWith("/") ? directory : directory + "/";
            TestTar.read(bytes).forEach((path, content) -> c.files.put(join(base, path), content));
        }
    }

    private static StreamSession session(byte[] output) {
        java.io.InputStream in = new java.io.ByteArrayInputStream(output);
        return new StreamSession() {
            @Override
            public java.io.InputStream output() {
                return in;
            }

            @Override
            public void close() {
            }
        };
    }

    // Images: push and project images (pull, push and down --rmi)

    private final Map<String, Map<String, String>> imageLabels = new LinkedHashMap<>(); // image id -> labels
    private final Set<String> pushed = new LinkedHashSet<>();

    /** Makes an image present with labels, as if built by Compose (which labels it with the project). */
    public FakeEngine withLabeledImage(String reference, Map<String, String> labels) {
        synchronized (lock) {
            String id = imageTags.computeIfAbsent(normalize(reference), r -> "sha256:" + nextId("image"));
            imageLabels.put(id, Map.copyOf(labels));
            return this;
        }
    }

    /** The references pushed so far, normalized. */
    public Set<String> pushedImages() {
        synchronized (lock) {
            return Set.copyOf(pushed);
        }
    }

    @Override
    public void pushImage(String reference, Consumer<PullProgress> progress) {
        synchronized (lock) {
            record("pushImage", reference, "");
            String normalized = normalize(reference);
            if (!imageTags.containsKey(normalized)) {
                throw new EngineException(Kind.OTHER, "An image does not exist locally with the tag: "
                    + normalized.substring(0, normalized.lastIndexOf(':')));
            }
            int colon = normalized.lastIndexOf(':');
            progress.accept(new PullProgress("", "The push refers to repository [" + normalized.substring(0, colon)
                + "]", 0, 0));
            progress.accept(new PullProgress("", normalized.substring(colon + 1) + ": digest: "
                + imageTags.get(normalized) + " size: 527", 0, 0));
            pushed.add(normalized);
        }
    }

    @Override
    public List<ImageSummary> listImages(Map<String, String> labels) {
        synchronized (lock) {
            record("listImages", labelText(labels), "");
            return new LinkedHashSet<>(imageTags.values()).stream()
                .filter(id -> imageLabels.getOrDefault(id, Map.of()).entrySet().containsAll(labels.entrySet()))
                .map(this::imageSummary).toList();
        }
    }
    // swarm

    private boolean swarmManager;
    private final Map<String, io.github.compose4j.engine.swarm.SwarmService> services = new LinkedHashMap<>();
    private final Map<String, io.github.compose4j.engine.swarm.SwarmFile> swarmFiles = new LinkedHashMap<>();
    private final Map<String, String> registryDigests = new LinkedHashMap<>();

    private final List<String> sentRegistryAuths = new ArrayList<>();
    private final Map<String, String> registryAuths = new LinkedHashMap<>();

    /** Credentials the docker config holds for the registry of {@code image}. */
    public FakeEngine registryAuth(String image, String encoded) {
        synchronized (lock) {
            registryAuths.put(image, encoded);
            return this;
        }
    }

    @Override
    public Optional<String> registryAuth(String image) {
        synchronized (lock) {
            return Optional.ofNullable(registryAuths.get(image));
        }
    }

    /** {@code service=auth} for every service created, the auth empty when none was sent. */
    public List<String> sentRegistryAuths() {
        synchronized (lock) {
            return List.copyOf(sentRegistryAuths);
        }
    }

    /** Makes this engine a swarm manager (it is not one by default, as a fresh daemon). */
    public FakeEngine swarmManager() {
        synchronized (lock) {
            swarmManager = true;
            return this;
        }
    }

    /** The digest the registry gives for {@code image}. */
    public FakeEngine registryDigest(String image, String digest) {
        synchronized (lock) {
            registryDigests.put(image, digest);
            return this;
        }
    }

    @Override
    public boolean isSwarmManager() {
        synchronized (lock) {
            return swarmManager;
        }
    }

    @Override
    public List<io.github.compose4j.engine.swarm.SwarmService> listServices(Map<String, String> labels,
                                                                         java.util.Set<String> labelKeys) {
        synchronized (lock) {
            requireManager();
            return services.values().stream()
                .filter(s -> s.spec().labels().entrySet().containsAll(labels.entrySet())
                    && s.spec().labels().keySet().containsAll(labelKeys))
                .toList();
        }
    }

    @Override
    public String createService(io.github.compose4j.engine.swarm.ServiceSpec spec, Optional<String> registryAuth,
                                java.util.function.Consumer<String> warnings) {
        synchronized (lock) {
            requireManager();
            record("createService", spec.name(), spec);
            sentRegistryAuths.add(spec.name() + "=" + registryAuth.orElse(""));
            if (services.values().stream().anyMatch(s -> s.spec().name().equals(spec.name()))) {
                throw new EngineException(EngineException.Kind.CONFLICT, "name conflicts with an existing object");
            }
            String id = nextId("service").substring(0, 25);
            services.put(id, new io.github.compose4j.engine.swarm.SwarmService(id, 1, spec, desired(spec),
                desired(spec), 0, ""));
            return id;
        }
    }

    @Override
    public void updateService(String id, long version, io.github.compose4j.engine.swarm.ServiceSpec spec,
                              Optional<String> registryAuth, java.util.function.Consumer<String> warnings) {
        synchronized (lock) {
            requireManager();
            record("updateService", spec.name(), spec);
            io.github.compose4j.engine.swarm.SwarmService current = services.get(id);
            if (current == null) {
                throw new EngineException(EngineException.Kind.NOT_FOUND, "service " + id + " not found");
            }
            if (current.version() != version) {
                throw new EngineException(EngineException.Kind.OTHER, "update out of sequence");
            }
            services.put(id, new io.github.compose4j.engine.swarm.SwarmService(id, version + 1, spec, desired(spec),
                desired(spec), 0, ""));
        }
    }

    @Override
    public void removeService(String id) {
        synchronized (lock) {
            requireManager();
            io.github.compose4j.engine.swarm.SwarmService removed = services.remove(id);
            if (removed == null) {
                throw new EngineException(EngineException.Kind.NOT_FOUND, "service " + id + " not found");
            }
            record("removeService", removed.spec().name(), null);
        }
    }

    @Override
    public List<io.github.compose4j.engine.swarm.SwarmTask> listTasks(java.util.Collection<String> serviceIds) {
        synchronized (lock) {
            requireManager();
            List<io.github.compose4j.engine.swarm.SwarmTask> tasks = new ArrayList<>();
            for (io.github.compose4j.engine.swarm.SwarmService s : services.values()) {
                if (!serviceIds.isEmpty() && !serviceIds.contains(s.id())) {
                    continue;
                }
                for (long slot = 1; slot <= s.desiredTasks(); slot++) {
                    tasks.add(new io.github.compose4j.engine.swarm.SwarmTask(s.id().substring(0, 12) + slot, s.id(),
                        slot, "node1", "running", "running", java.time.Instant.EPOCH, "",
                        s.spec().task().container().image(), List.of()));
                }
            }
            return tasks;
        }
    }

    @Override
    public List<io.github.compose4j.engine.swarm.SwarmNode> listNodes() {
        synchronized (lock) {
            requireManager();
            return List.of(new io.github.compose4j.engine.swarm.SwarmNode("node1", "fakehost"));
        }
    }

    @Override
    public List<io.github.compose4j.engine.swarm.SwarmFile> listSwarmFiles(
        io.github.compose4j.engine.swarm.SwarmFile.Kind kind, Map<String, String> labels) {
        synchronized (lock) {
            requireManager();
            return swarmFiles.values().stream()
                .filter(f -> f.kind() == kind && f.labels().entrySet().containsAll(labels.entrySet())).toList();
        }
    }

    @Override
    public String createSwarmFile(io.github.compose4j.engine.swarm.SwarmFileSpec spec) {
        synchronized (lock) {
            requireManager();
            record("createSwarmFile", spec.name(), spec);
            if (swarmFiles.values().stream().anyMatch(f -> f.kind() == spec.kind() && f.name().equals(spec.name()))) {
                throw new EngineException(EngineException.Kind.CONFLICT, spec.name() + " already exists");
            }
            String id = nextId("file").substring(0, 25);
            swarmFiles.put(id, new io.github.compose4j.engine.swarm.SwarmFile(spec.kind(), id, spec.name(),
                spec.labels()));
            return id;
        }
    }

    @Override
    public void removeSwarmFile(io.github.compose4j.engine.swarm.SwarmFile.Kind kind, String id) {
        synchronized (lock) {
            requireManager();
            io.github.compose4j.engine.swarm.SwarmFile f = swarmFiles.get(id);
            if (f == null || f.kind() != kind) {
                throw new EngineException(EngineException.Kind.NOT_FOUND, id + " not found");
            }
            boolean inUse = services.values().stream().map(s -> s.spec().task().container())
                .flatMap(c -> (kind == io.github.compose4j.engine.swarm.SwarmFile.Kind.SECRET ? c.secrets()
                    : c.configs()).stream())
                .anyMatch(r -> r.objectId().equals(id));
            if (inUse) {
                throw new EngineException(EngineException.Kind.INVALID, f.name() + " is in use");
            }
            swarmFiles.remove(id);
            record("removeSwarmFile", f.name(), null);
        }
    }

    @Override
    public Optional<String> registryDigest(String image, Optional<String> registryAuth) {
        synchronized (lock) {
            return Optional.ofNullable(registryDigests.get(image));
        }
    }

    private void requireManager() {
        if (!swarmManager) {
            throw new EngineException(EngineException.Kind.UNAVAILABLE, "This node is not a swarm manager.");
        }
    }

    private static long desired(io.github.compose4j.engine.swarm.ServiceSpec spec) {
        return switch (spec.mode().kind()) {
            case REPLICATED, REPLICATED_JOB -> spec.mode().replicas();
            case GLOBAL, GLOBAL_JOB -> 1;
        };
    }
    // Build

    private final Map<String, byte[]> buildContexts = new LinkedHashMap<>();
    private final Map<String, BuildResult> failingBuilds = new LinkedHashMap<>();

    /** Makes builds tagged {@code tag} fail with the builder's {@code message} and {@code code}. */
    public FakeEngine failBuild(String tag, String message, int code) {
        synchronized (lock) {
            failingBuilds.put(normalize(tag), BuildResult.failed(message, code));
            return this;
        }
    }

    private volatile Consumer<String> beforeBuild = tag -> { };
    private volatile Consumer<String> afterBuild = tag -> { };

    /**
     * Runs {@code before} when a build (named by its last tag) reaches the engine, outside the engine's lock so
     * that builds can meet there, and {@code after} when it is done.
     */
    public FakeEngine aroundBuilds(Consumer<String> before, Consumer<String> after) {
        this.beforeBuild = before;
        this.afterBuild = after;
        return this;
    }

    /** The tar context the last build tagged {@code tag} received. */
    public byte[] buildContext(String tag) {
        synchronized (lock) {
            return buildContexts.get(normalize(tag));
        }
    }

    /**
     * Reads the whole context, then tags an image whose id depends only on the context and the request (as the
     * builder's cache would make it), unless {@link #failBuild} says otherwise.
     */
    @Override
    public BuildResult buildImage(ImageBuildSpec spec, java.io.InputStream context, Consumer<BuildMessage> output) {
        byte[] bytes;
        try {
            bytes = context.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String tag = spec.tags().get(spec.tags().size() - 1);
        beforeBuild.accept(tag);
        try {
            return build(spec, bytes, output);
        } finally {
            afterBuild.accept(tag);
        }
    }

    private BuildResult build(ImageBuildSpec spec, byte[] bytes, Consumer<BuildMessage> output) {
        synchronized (lock) {
            String image = spec.tags().get(spec.tags().size() - 1);
            record("buildImage", image, spec);
            String first = normalize(image);
            buildContexts.put(first, bytes);
            output.accept(BuildMessage.text("Step 1/1 : FROM busybox:latest\n"));
            BuildResult failure = failingBuilds.get(first);
            if (failure != null) {
                return failure;
            }
            String id;
            try {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                digest.update(bytes);
                digest.update(spec.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                id = "sha256:" + java.util.HexFormat.of().formatHex(digest.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            for (String tag : spec.tags()) {
                imageTags.put(normalize(tag), id);
            }
            output.accept(BuildMessage.text("Successfully built " + id.substring(7, 19) + "\n"));
            return BuildResult.built(id);
        }
    }
}
