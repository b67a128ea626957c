package io.github.compose4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A compose project for integration tests: a compose file in its own directory under a unique project
 * name, run by compose4j's command line in this JVM (through {@link Main#run}) or by the reference
 * {@code docker compose}, and observed with the docker CLI. {@link #close()} removes every container,
 * network and volume labelled with the project, then whatever else the test registered.
 */
final class ItProject implements AutoCloseable {
    final String name;
    final Path dir;
    private final List<Runnable> cleanups = new ArrayList<>();

    /** What one command line printed and its exit code. */
    record Run(int code, String out, String err) {
    }

    private ItProject(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** A project in a new directory under {@code parent}, named {@code c4jit-<random>}. */
    static ItProject create(Path parent, String composeYaml) {
        String name = uniqueName("c4jit");
        try {
            ItProject p = new ItProject(name, Files.createDirectories(parent.resolve(name)));
            p.write(composeYaml);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name no other test run uses: {@code prefix-<8 hex>}. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Replaces the project's compose file. */
    void write(String composeYaml) {
        try {
            Files.writeString(dir.resolve("compose.yaml"), composeYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** compose4j: {@code compose -p NAME args...} run in the project directory. */
    Run compose(String... args) {
        return composeIn(dir, args);
    }

    /** compose4j: {@code compose -p NAME args...} run in {@code cwd}. */
    Run composeIn(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("COMPOSE_"));
        CliContext ctx = new CliContext(cwd, env, () -> "", new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] full = new String[args.length + 2];
        full[0] = "-p";
        full[1] = name;
        System.arraycopy(args, 0, full, 2, args.length);
        int code = Main.run(ctx, full);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** compose4j, expected to succeed: fails the test with its output otherwise. */
    Run composeOk(String... args) {
        Run r = compose(args);
        if (r.code() != 0) {
            throw new AssertionError("compose " + String.join(" ", args) + " exited " + r.code() + ":\n" + r.err());
        }
        return r;
    }

    /** The reference: {@code docker compose -p NAME args...} run in the project directory. */
    DockerCli.Result reference(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "compose";
        full[1] = "-p";
        full[2] = name;
        System.arraycopy(args, 0, full, 3, args.length);
        return DockerCli.runIn(dir, null, full);
    }

    /** The reference, expected to succeed. */
    DockerCli.Result referenceOk(String... args) {
        DockerCli.Result r = reference(args);
        if (r.code() != 0) {
            throw new AssertionError("docker compose " + String.join(" ", args) + " exited " + r.code() + ":\n" + r.err());
        }
        return r;
    }

    /** The project's containers (stopped ones too) as the daemon lists them: name → id. */
    Map<String, String> containers() {
        Map<String, String> byName = new TreeMap<>();
        String listed = DockerCli.ok("ps", "-a", "--no-trunc", "--filter", "label=com.docker.compose.project=" + name,
                "--format", "{{.Names}} {{.ID}}");
        listed.lines().filter(l -> !l.isBlank()).forEach(l -> {
            String[] parts = l.split(" ");
            byName.put(parts[0], parts[1]);
        });
        return byName;
    }

    /** The id of the named container of this project ({@code <project>-<suffix>}). */
    String containerId(String suffix) {
        String id = containers().get(name + "-" + suffix);
        if (id == null) {
            throw new AssertionError("no container " + name + "-" + suffix + " in " + containers());
        }
        return id;
    }

    /** {@code docker inspect --format FORMAT} of this project's container {@code <project>-<suffix>}. */
    String inspect(String suffix, String format) {
        return DockerCli.ok("inspect", "--format", format, name + "-" + suffix);
    }

    /** The names of the networks labelled with this project. */
    List<String> networks() {
        return DockerCli.ok("network", "ls", "--filter", "label=com.docker.compose.project=" + name, "--format", "{{.Name}}")
                .lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** The names of the volumes labelled with this project. */
    List<String> volumes() {
        return DockerCli.ok("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + name)
                .lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** Whether the daemon has a volume of that name. */
    static boolean volumeExists(String volume) {
        return DockerCli.run("volume", "inspect", volume).code() == 0;
    }

    /** Runs after the project's own objects are removed (images, external networks and volumes the test made). */
    void onClose(Runnable cleanup) {
        cleanups.add(cleanup);
    }

    @Override
    public void close() {
        String label = "label=com.docker.compose.project=" + name;
        List<String> ids = DockerCli.ok("ps", "-aq", "--filter", label).lines().filter(l -> !l.isBlank()).toList();
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
            rm.addAll(ids);
            DockerCli.run(rm.toArray(String[]::new));
        }
        for (String n : networks()) {
            DockerCli.run("network", "rm", n);
        }
        for (String v : volumes()) {
            DockerCli.run("volume", "rm", "-f", v);
        }
        cleanups.forEach(Runnable::run);
    }
}
