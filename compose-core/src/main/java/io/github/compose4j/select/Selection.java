package io.github.compose4j.select;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.Dependency;

import io.github.compose4j.model.Mount;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Project views by profile and by service selection, with Compose's rules. */
public final class Selection {
    private Selection() {
    }

    /** Enables services without profiles or with one of {@code profiles} ({@code *} enables all). */
    public static Project withProfiles(Project p, Collection<String> profiles) {
        Map<String, Service> enabled = new LinkedHashMap<>();
        Map<String, Service> disabled = new LinkedHashMap<>();
        Map<String, Service> all = new LinkedHashMap<>(p.services());
        all.putAll(p.disabledServices());
        all.forEach((name, s) -> (hasProfile(s, profiles) ? enabled : disabled).put(name, s));
        return new Project(p.name(), Collections.unmodifiableMap(enabled), p.networks(), p.volumes(), p.secrets(),
                p.configs(), p.extensions(), p.workingDir(), p.composeFiles(), p.environment(),
                Collections.unmodifiableMap(disabled), List.copyOf(profiles));
    }

    static boolean hasProfile(Service s, Collection<String> profiles) {
        if (s.profiles().isEmpty()) {
            return true;
        }
        for (String p : profiles) {
            if (p.equals("*") || s.profiles().contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Also enables the named services that their profiles disabled, with those profiles. */
    public static Project withServicesEnabled(Project p, Collection<String> names) {
        if (names.isEmpty()) {
            return p;
        }
        List<String> profiles = new ArrayList<>(p.profiles());
        for (String name : names) {
            if (p.services().containsKey(name)) {
                continue;
            }
            Service s = p.disabledServices().get(name);
            if (s != null) {
                profiles.addAll(s.profiles());
            }
        }
        return withProfiles(p, profiles);
    }

    /** Drops the networks, volumes, secrets and configs no enabled service uses. */
    public static Project withoutUnnecessaryResources(Project p) {
        Set<String> networks = new HashSet<>();
        Set<String> volumes = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        Set<String> configs = new HashSet<>();
        for (Service s : p.services().values()) {
            networks.addAll(s.networks().keySet());
            for (Mount v : s.volumes()) {
                if (v.type().equals("volume") && !v.source().isEmpty()) {
                    volumes.add(v.source());
                }
            }
            s.secrets().forEach(m -> secrets.add(m.source()));
            s.build().ifPresent(b -> b.secrets().forEach(m -> secrets.add(m.source())));
            s.configs().forEach(m -> configs.add(m.source()));
        }
        return new Project(p.name(), p.services(), keep(p.networks(), networks), keep(p.volumes(), volumes),
                keep(p.secrets(), secrets), keep(p.configs(), configs), p.extensions(), p.workingDir(),
                p.composeFiles(), p.environment(), p.disabledServices(), p.profiles());
    }

    private static <T> Map<String, T> keep(Map<String, T> all, Set<String> used) {
        Map<String, T> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (used.contains(k)) {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Keeps the named services and the services they depend on (transitively); the others are
     * disabled and removed from the kept services' {@code depends_on}. No names keeps everything.
     */
    public static Project withSelectedServices(Project p, Collection<String> names) {
        if (names.isEmpty()) {
            return p;
        }
        Set<String> selected = closure(p, names);
        Map<String, Service> enabled = new LinkedHashMap<>();
        Map<String, Service> disabled = new LinkedHashMap<>(p.disabledServices());
        p.services().forEach((name, s) -> {
            if (selected.contains(name)) {
                Map<String, Dependency> deps = new LinkedHashMap<>();
                s.dependsOn().forEach((d, dep) -> {
                    if (selected.contains(d)) {
                        deps.put(d, dep);
                    }
                });
                enabled.put(name, RecordShape.with(s, "dependsOn", Collections.unmodifiableMap(deps)));
            } else {
                disabled.put(name, s);
            }
        });
        return new Project(p.name(), Collections.unmodifiableMap(enabled), p.networks(), p.volumes(), p.secrets(),
                p.configs(), p.extensions(), p.workingDir(), p.composeFiles(), p.environment(),
                Collections.unmodifiableMap(disabled), p.profiles());
    }

    /** Keeps only the named services ({@code --no-deps}); dependencies on the others are dropped. */
    public static Project withOnlyServices(Project p, Collection<String> names) {
        if (names.isEmpty()) {
            return p;
        }
        for (String n : names) {
            if (!p.services().containsKey(n)) {
                throw new ComposeException(Failure.GENERAL, "no such service: " + n);
            }
        }
        Set<String> selected = new HashSet<>(names);
        Map<String, Service> enabled = new LinkedHashMap<>();
        Map<String, Service> disabled = new LinkedHashMap<>(p.disabledServices());
        p.services().forEach((name, s) -> {
            if (selected.contains(name)) {
                Map<String, Dependency> deps = new LinkedHashMap<>();
                s.dependsOn().forEach((d, dep) -> {
                    if (selected.contains(d)) {
                        deps.put(d, dep);
                    }
                });
                enabled.put(name, RecordShape.with(s, "dependsOn", Collections.unmodifiableMap(deps)));
            } else {
                disabled.put(name, s);
            }
        });
        return new Project(p.name(), Collections.unmodifiableMap(enabled), p.networks(), p.volumes(), p.secrets(),
                p.configs(), p.extensions(), p.workingDir(), p.composeFiles(), p.environment(),
                Collections.unmodifiableMap(disabled), p.profiles());
    }

    /** Sets the scale of a service ({@code --scale svc=n}), as {@code scale} and {@code deploy.replicas}. */
    public static Project withScale(Project p, String service, long replicas) {
        Service s = p.services().get(service);
        if (s == null) {
            throw new ComposeException(Failure.GENERAL, "no such service: " + service);
        }
        Service scaled = RecordShape.with(s, "scale", java.util.Optional.of(replicas));
        if (scaled.deploy().isPresent()) {
            scaled = RecordShape.with(scaled, "deploy", java.util.Optional.of(
                    RecordShape.with(scaled.deploy().get(), "replicas", java.util.Optional.of(replicas))));
        }
        Map<String, Service> services = new LinkedHashMap<>(p.services());
        services.put(service, scaled);
        return RecordShape.with(p, "services", Collections.unmodifiableMap(services));
    }

    /** Sets every service's pull policy ({@code --pull}). */
    public static Project withPullPolicy(Project p, String policy) {
        Map<String, Service> services = new LinkedHashMap<>();
        p.services().forEach((n, s) -> services.put(n, RecordShape.with(s, "pullPolicy", policy)));
        return RecordShape.with(p, "services", Collections.unmodifiableMap(services));
    }

    /** The named services and their transitive dependencies; an unknown required name fails. */
    public static Set<String> closure(Project p, Collection<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String n : names) {
            if (!p.services().containsKey(n)) {
                throw new ComposeException(Failure.GENERAL, "no such service: " + n);
            }
            todo.add(n);
        }
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (!seen.add(n)) {
                continue;
            }
            p.services().get(n).dependsOn().forEach((d, dep) -> {
                if (p.services().containsKey(d)) {
                    todo.add(d);
                } else if (dep.required()) {
                    throw new ComposeException(Failure.GENERAL, "no such service: " + d);
                }
            });
        }
        return seen;
    }

}
