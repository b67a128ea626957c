package io.github.compose4j.execute;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.interpolate.GoQuote;
import io.github.compose4j.model.FileMount;
import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets and configs Compose writes into a container after creating it, one archive each,
 * extracted at {@code /}: secrets taken from an environment variable, configs taken from an
 * environment variable or given inline. File-based ones are bind-mounted instead
 * ({@link ContainerSpecs}). Secrets go first, then configs.
 */
public final class InjectedFiles {
    private static final long DEFAULT_MODE = 0444;

    private InjectedFiles() {
    }

    /** The archives to copy, their files stamped with {@code modTime}. */
    public static List<FileCopy> of(Project project, Service service, Instant modTime) {
        List<FileCopy> copies = new ArrayList<>();
        for (FileMount ref : service.secrets()) {
            FileObject secret = VolumeMounts.definition(project.secrets(), ref);
            if (secret.environment().isEmpty()) {
                continue;
            }
            String target = VolumeMounts.target(ref, VolumeMounts.SECRETS_DIR);
            copies.add(copy(ref, target, variable(project, secret), modTime));
        }
        for (FileMount ref : service.configs()) {
            FileObject config = VolumeMounts.definition(project.configs(), ref);
            String content = config.content();
            if (!config.environment().isEmpty()) {
                content = variable(project, config);
            }
            if (content.isEmpty()) {
                continue;
            }
            // Unlike secrets, a relative config target stays relative to the root it is extracted in.
            String target = ref.target().isEmpty() ? VolumeMounts.CONFIGS_DIR + ref.source() : ref.target();
            copies.add(copy(ref, target, content, modTime));
        }
        return copies;
    }

    private static String variable(Project project, FileObject file) {
        String value = project.environment().get(file.environment());
        if (value == null) {
            throw ComposeException.invalid("environment variable " + GoQuote.quote(file.environment())
                    + " required by file " + GoQuote.quote(file.name()) + " is not set");
        }
        return value;
    }

    private static FileCopy copy(FileMount ref, String target, String content, Instant modTime) {
        long mode = ref.mode().orElse(DEFAULT_MODE);
        long uid = id(ref.uid());
        long gid = id(ref.gid());
        byte[] tar = new TarWriter()
                .add(new TarWriter.Entry(target, content.getBytes(StandardCharsets.UTF_8), mode, uid, gid, modTime))
                .finish();
        return new FileCopy("/", tar, !ref.uid().isEmpty() || !ref.gid().isEmpty());
    }

    private static long id(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ComposeException.invalid("strconv.Atoi: parsing " + GoQuote.quote(value) + ": "
                    + (value.chars().allMatch(c -> c == '-' || c == '+' || Character.isDigit(c))
                    && !value.isEmpty() ? "value out of range" : "invalid syntax"));
        }
    }
}
