package io.github.compose4j.execute;

import io.github.compose4j.engine.EndpointSpec;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.ServiceNetwork;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** How a container joins networks: network mode, endpoints at creation and after, links, MAC address. */
final class Networking {
    private final ContainerRequest request;
    private final Project project;
    private final Service service;
    private final List<String> links;
    private final String primaryMac;

    Networking(ContainerRequest request, List<String> links, String primaryMac) {
        this.request = request;
        this.project = request.project();
        this.service = request.service();
        this.links = links;
        this.primaryMac = primaryMac;
    }

    record Settings(String networkMode, Map<String, EndpointSpec> atCreate,
                    List<ContainerCreation.NetworkAttachment> afterCreate) {
    }

    /** Network keys by priority, highest first, then by name. */
    static List<String> byPriority(Service s) {
        List<String> keys = new ArrayList<>(s.networks().keySet());
        keys.sort(Comparator.comparingLong((String k) -> -priority(s, k)).thenComparing(Comparator.naturalOrder()));
        return keys;
    }

    private static long priority(Service s, String key) {
        return s.networks().get(key).map(ServiceNetwork::priority).orElse(0L);
    }

    /**
     * The container-wide MAC address. From API 1.44 on it moves to the primary endpoint (when that
     * one has a configuration of its own); before, the primary endpoint's address wins, even when empty.
     */
    static String containerMac(Service s, String apiVersion) {
        String mac = s.macAddress();
        Optional<ServiceNetwork> main = Optional.empty();
        String mainName = "";
        if (!s.networks().isEmpty()) {
            mainName = byPriority(s).get(0);
            main = s.networks().get(mainName);
        }
        if (!mac.isEmpty() && main.isPresent() && !main.get().macAddress().isEmpty()
                && !main.get().macAddress().equals(mac)) {
            throw ComposeException.invalid("the service-level mac_address should have the same value as network "
                    + mainName);
        }
        if (ApiVersion.atLeast(apiVersion, ApiVersion.MULTIPLE_ENDPOINTS)) {
            return "";
        }
        if (!s.networks().isEmpty()) {
            TreeSet<String> withMac = new TreeSet<>();
            s.networks().forEach((k, v) -> {
                if (v.isPresent() && !v.get().macAddress().isEmpty()) {
                    withMac.add(k);
                }
            });
            if (withMac.size() > 1) {
                throw ComposeException.invalid("a MAC address is specified for multiple networks ("
                        + String.join(", ", withMac) + "), but this feature requires Docker Engine 1.44 or later"
                        + " (currently: " + apiVersion + ")");
            }
            if (main.isPresent()) {
                mac = main.get().macAddress();
            }
        }
        return mac;
    }

    Settings settings(String resolvedNetworkMode) {
        boolean multiple = ApiVersion.atLeast(request.apiVersion(), ApiVersion.MULTIPLE_ENDPOINTS);
        String mode;
        Map<String, EndpointSpec> atCreate = new LinkedHashMap<>();
        List<String> keys = byPriority(service);
        if (!service.networkMode().isEmpty()) {
            mode = resolvedNetworkMode;
        } else if (project.networks().isEmpty()) {
            mode = "none";
        } else {
            String primary = keys.isEmpty() ? "default" : keys.get(0);
            mode = engineName(primary);
            atCreate.put(mode, endpoint(primary, true));
            if (multiple && keys.size() > 1) {
                for (String key : keys.subList(1, keys.size())) {
                    atCreate.put(engineName(key), endpoint(key, false));
                }
            }
        }
        List<ContainerCreation.NetworkAttachment> after = new ArrayList<>();
        if (!multiple) {
            for (String key : keys) {
                String name = engineName(key);
                if (!name.equals(mode)) {
                    after.add(new ContainerCreation.NetworkAttachment(name, endpoint(key, false)));
                }
            }
        }
        return new Settings(mode, atCreate, after);
    }

    /** The name the engine knows a project network by (an external network's id once looked up). */
    String engineName(String key) {
        String override = request.refs().networkNames().get(key);
        if (override != null) {
            return override;
        }
        Network n = project.networks().get(key);
        return n == null ? "" : n.name();
    }

    private EndpointSpec endpoint(String key, boolean primary) {
        Optional<ServiceNetwork> config = service.networks().getOrDefault(key, Optional.empty());
        List<String> aliases = new ArrayList<>();
        aliases.add(ContainerNames.of(project.name(), service, request.number()));
        if (request.useNetworkAliases()) {
            aliases.add(service.name());
            config.ifPresent(c -> aliases.addAll(c.aliases()));
        }
        if (config.isEmpty()) {
            return new EndpointSpec(aliases, links, "", "", List.of(), "", Map.of(), 0);
        }
        ServiceNetwork c = config.get();
        String mac = c.macAddress();
        if (primary && mac.isEmpty() && ApiVersion.atLeast(request.apiVersion(), ApiVersion.MULTIPLE_ENDPOINTS)) {
            mac = primaryMac;
        }
        // Compose 2.26 sends neither driver_opts nor gw_priority of an endpoint.
        return new EndpointSpec(aliases, links, c.ipv4Address(), c.ipv6Address(), c.linkLocalIps(), mac, Map.of(), 0);
    }
}
