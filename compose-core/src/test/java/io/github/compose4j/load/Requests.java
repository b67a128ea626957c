package io.github.compose4j.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@link ProjectRequest}s for tests, as a command line would, and writes project files. */
final class Requests {
    final List<String> files = new ArrayList<>();
    final List<String> envFiles = new ArrayList<>();
    final List<String> profiles = new ArrayList<>();
    final Map<String, String> env = new HashMap<>();
    Optional<String> name = Optional.empty();
    Optional<String> projectDirectory = Optional.empty();
    Path cwd;
    String stdin = "";

    Requests(Path cwd) {
        this.cwd = cwd;
    }

    Requests file(String f) {
        files.add(f);
        return this;
    }

    Requests envFile(String f) {
        envFiles.add(f);
        return this;
    }

    Requests profile(String p) {
        profiles.add(p);
        return this;
    }

    Requests env(String k, String v) {
        env.put(k, v);
        return this;
    }

    Requests name(String n) {
        name = Optional.of(n);
        return this;
    }

    Requests projectDirectory(String d) {
        projectDirectory = Optional.of(d);
        return this;
    }

    Requests cwd(Path d) {
        cwd = d;
        return this;
    }

    Requests stdin(String s) {
        stdin = s;
        return this;
    }

    ProjectRequest build() {
        String in = stdin;
        return new ProjectRequest(files, name, projectDirectory, envFiles, profiles, cwd, env, Optional.of("/home/u"),
                () -> in);
    }

    /** Writes a file under {@code dir}, creating its directories; returns its path. */
    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
