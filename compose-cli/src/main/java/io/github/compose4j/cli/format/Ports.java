package io.github.compose4j.cli.format;

import io.github.compose4j.inspect.ContainerRow.Publisher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PORTS column: consecutive unpublished (or same-port) ports collapsed into ranges ({@code 5432-5434/tcp}),
 * host mappings written {@code 0.0.0.0:8080->80/tcp}, as the docker CLI's {@code DisplayablePorts} writes them.
 */
public final class Ports {
    private Ports() {
    }

    public static String displayable(List<Publisher> publishers) {
        List<Publisher> ports = new ArrayList<>(publishers);
        ports.sort(Comparator.comparingInt(Publisher::targetPort).thenComparing(Publisher::url)
            .thenComparingInt(Publisher::publishedPort).thenComparing(Publisher::protocol));
        Map<String, int[]> groups = new LinkedHashMap<>(); // key -> {first, last}, in creation order
        List<String> result = new ArrayList<>();
        List<String> mappings = new ArrayList<>();
        for (Publisher p : ports) {
            int current = p.targetPort();
            String key = p.protocol();
            if (!p.url().isEmpty()) {
                if (p.publishedPort() != current) {
                    mappings.add(p.url() + ":" + p.publishedPort() + "->" + p.targetPort() + "/" + p.protocol());
                    continue;
                }
                key = p.url() + "/" + p.protocol();
            }
            int[] group = groups.get(key);
            if (group == null) {
                groups.put(key, new int[] {current, current});
                continue;
            }
            if (current == group[1] + 1) {
                group[1] = current;
                continue;
            }
            result.add(group(key, group[0], group[1]));
            groups.put(key, new int[] {current, current});
        }
        groups.forEach((key, g) -> result.add(group(key, g[0], g[1])));
        result.addAll(mappings);
        return String.join(", ", result);
    }

    private static String group(String key, int first, int last) {
        // Like the docker CLI, the key is split at "/": an address with a slash is not expected here.
        String[] parts = key.split("/", -1);
        String type = parts[0];
        String ip = "";
        if (parts.length > 1) {
            ip = parts[0];
            type = parts[1];
        }
        String range = first == last ? Integer.toString(first) : first + "-" + last;
        if (!ip.isEmpty()) {
            range = ip + ":" + range + "->" + range;
        }
        return range + "/" + type;
    }
}
