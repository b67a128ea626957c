package io.github.compose4j.observe;

import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@link ConfigHash}es of one project's services, each computed once. {@link #ahead} computes them on another
 * thread while the engine is read, so that planning finds them ready. Keyed by identity: a service whose
 * references are resolved is another object, hashed when asked for.
 */
public final class ConfigHashes {
    private final Map<Service, String> known = new IdentityHashMap<>();

    private ConfigHashes() {
    }

    /** Hashes computed when asked for, and remembered. */
    public static ConfigHashes lazy() {
        return new ConfigHashes();
    }

    /** Hashes of the project's services, being computed now on a thread of their own. */
    public static ConfigHashes ahead(Project project) {
        ConfigHashes hashes = new ConfigHashes();
        Thread t = new Thread(() -> project.services().values().forEach(hashes::of), "compose-hash");
        t.setDaemon(true);
        t.start();
        return hashes;
    }

    /** The service's config hash. */
    public String of(Service service) {
        synchronized (known) {
            String hash = known.get(service);
            if (hash != null) {
                return hash;
            }
        }
        String hash = ConfigHash.of(service);
        synchronized (known) {
            known.put(service, hash);
        }
        return hash;
    }
}
