package io.github.compose4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code extra_hosts}: host names with their addresses; serialized as sorted {@code host=ip} lines. */
public record HostList(Map<String, List<String>> hosts) {
    public static final HostList EMPTY = new HostList(Map.of());

    public HostList {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        hosts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        hosts = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return hosts.isEmpty();
    }

    /** {@code host<sep>ip} for each address, sorted. */
    public List<String> asList(String separator) {
        List<String> out = new ArrayList<>();
        hosts.forEach((host, ips) -> ips.forEach(ip -> out.add(host + separator + ip)));
        Collections.sort(out);
        return out;
    }
}
