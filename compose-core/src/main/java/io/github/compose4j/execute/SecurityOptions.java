package io.github.compose4j.execute;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.interpolate.GoQuote;
import io.github.compose4j.model.Project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code security_opt} as the engine takes it, the way the docker CLI prepares it: a seccomp profile
 * given as a file is sent as its compacted JSON content, {@code systempaths=unconfined} becomes empty
 * masked and read-only path lists, anything else goes through.
 */
final class SecurityOptions {
    private SecurityOptions() {
    }

    record Result(List<String> options, boolean unconfinedSystemPaths) {
    }

    static Result parse(Project project, List<String> opts, Optional<Path> home) {
        boolean unconfined = false;
        List<String> parsed = new ArrayList<>();
        for (String opt : opts) {
            if (opt.equals("systempaths=unconfined")) {
                unconfined = true;
                continue;
            }
            String[] con = opt.split("=", 2);
            if (con.length == 1 && !con[0].equals("no-new-privileges")) {
                if (opt.contains(":")) {
                    con = opt.split(":", 2);
                } else {
                    throw ComposeException.invalid("Invalid security-opt: " + GoQuote.quote(opt));
                }
            }
            if (con[0].equals("seccomp") && con.length > 1 && !con[1].equals("unconfined")) {
                parsed.add("seccomp=" + seccompProfile(project, con[1], home));
            } else {
                parsed.add(opt);
            }
        }
        return new Result(parsed, unconfined);
    }

    private static String seccompProfile(Project project, String file, Optional<Path> home) {
        Path path = relativePath(project, file, home);
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ComposeException.invalid("opening seccomp profile (" + file + ") failed: open " + path
                    + ": no such file or directory");
        } catch (IOException e) {
            throw ComposeException.invalid("opening seccomp profile (" + file + ") failed: open " + path + ": "
                    + e.getMessage());
        }
        try {
            return JsonCompactor.compact(content);
        } catch (JsonCompactor.SyntaxError e) {
            throw ComposeException.invalid("compacting json for seccomp profile (" + file + ") failed: "
                    + e.getMessage());
        }
    }

    /** A path as the project reads it: {@code ~} is the home directory, relative paths are in its working dir. */
    static Path relativePath(Project project, String file, Optional<Path> home) {
        String p = file;
        if (p.startsWith("~") && home.isPresent()) {
            return Path.of(home.get().toString(), p.substring(1)).normalize();
        }
        Path path = Path.of(p);
        if (path.isAbsolute() || project.workingDir() == null) {
            return path.normalize();
        }
        return project.workingDir().resolve(path).normalize();
    }
}
