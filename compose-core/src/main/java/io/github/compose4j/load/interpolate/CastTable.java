package io.github.compose4j.load.interpolate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which paths of the raw tree Compose converts after interpolation, and to what. {@code *} matches
 * any key and {@code []} any sequence item. This is the table of the reference version (it includes
 * {@code enable_ipv4}, which the installed Docker Compose converts).
 */
final class CastTable {
    private record Pattern(String[] parts, Cast cast) {
    }

    /** Patterns indexed by their last part; patterns ending in {@code *} are kept apart. */
    private static final Map<String, List<Pattern>> BY_LAST = new HashMap<>();
    private static final List<Pattern> WILDCARD_LAST = new ArrayList<>();

    static {
        service(Cast.INT, "configs", "[]", "mode");
        service(Cast.INT64, "cpu_count");
        service(Cast.FLOAT, "cpu_percent");
        service(Cast.INT64, "cpu_period");
        service(Cast.INT64, "cpu_quota");
        service(Cast.INT64, "cpu_rt_period");
        service(Cast.INT64, "cpu_rt_runtime");
        service(Cast.FLOAT32, "cpus");
        service(Cast.INT64, "cpu_shares");
        service(Cast.BOOLEAN, "init");
        service(Cast.INT, "deploy", "replicas");
        service(Cast.INT, "deploy", "update_config", "parallelism");
        service(Cast.FLOAT, "deploy", "update_config", "max_failure_ratio");
        service(Cast.INT, "deploy", "rollback_config", "parallelism");
        service(Cast.FLOAT, "deploy", "rollback_config", "max_failure_ratio");
        service(Cast.INT, "deploy", "restart_policy", "max_attempts");
        service(Cast.INT, "deploy", "placement", "max_replicas_per_node");
        service(Cast.INT, "healthcheck", "retries");
        service(Cast.BOOLEAN, "healthcheck", "disable");
        service(Cast.BOOLEAN, "oom_kill_disable");
        service(Cast.INT64, "oom_score_adj");
        service(Cast.INT64, "pids_limit");
        service(Cast.INT, "ports", "[]", "target");
        service(Cast.BOOLEAN, "privileged");
        service(Cast.BOOLEAN, "read_only");
        service(Cast.INT, "scale");
        service(Cast.INT, "secrets", "[]", "mode");
        service(Cast.BOOLEAN, "stdin_open");
        service(Cast.BOOLEAN, "tty");
        service(Cast.INT, "ulimits", "*");
        service(Cast.INT, "ulimits", "*", "hard");
        service(Cast.INT, "ulimits", "*", "soft");
        service(Cast.BOOLEAN, "volumes", "[]", "read_only");
        service(Cast.BOOLEAN, "volumes", "[]", "volume", "nocopy");
        add(Cast.BOOLEAN, "networks", "*", "external");
        add(Cast.BOOLEAN, "networks", "*", "internal");
        add(Cast.BOOLEAN, "networks", "*", "attachable");
        add(Cast.BOOLEAN, "networks", "*", "enable_ipv6");
        add(Cast.BOOLEAN, "networks", "*", "enable_ipv4");
        add(Cast.BOOLEAN, "volumes", "*", "external");
        add(Cast.BOOLEAN, "secrets", "*", "external");
        add(Cast.BOOLEAN, "configs", "*", "external");
    }

    private CastTable() {
    }

    private static void service(Cast cast, String... parts) {
        String[] all = new String[parts.length + 2];
        all[0] = "services";
        all[1] = "*";
        System.arraycopy(parts, 0, all, 2, parts.length);
        add(cast, all);
    }

    private static void add(Cast cast, String... parts) {
        Pattern p = new Pattern(parts, cast);
        String last = parts[parts.length - 1];
        if (last.equals("*")) {
            WILDCARD_LAST.add(p);
        } else {
            BY_LAST.computeIfAbsent(last, k -> new ArrayList<>()).add(p);
        }
    }

    /** The conversion for a path given as its parts, or null. */
    static Cast lookup(List<String> path) {
        List<Pattern> candidates = BY_LAST.get(path.get(path.size() - 1));
        if (candidates != null) {
            for (Pattern p : candidates) {
                if (matches(p.parts(), path)) {
                    return p.cast();
                }
            }
        }
        for (Pattern p : WILDCARD_LAST) {
            if (matches(p.parts(), path)) {
                return p.cast();
            }
        }
        return null;
    }

    private static boolean matches(String[] pattern, List<String> path) {
        if (pattern.length != path.size()) {
            return false;
        }
        for (int i = pattern.length - 1; i >= 0; i--) {
            if (!pattern[i].equals("*") && !pattern[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }
}
