package io.github.compose4j.execute;

import io.github.compose4j.engine.IpamPoolSpec;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Project;

import java.util.Optional;

/** Project networks as network-create requests. */
public final class NetworkSpecs {
    private NetworkSpecs() {
    }

    /**
     * The network to create for a project network key (external networks are looked up, never
     * created). Compose 2.26 does not send {@code enable_ipv4}: it stays unset.
     */
    public static NetworkSpec of(Project project, String key, String composeVersion) {
        Network n = project.networks().get(key);
        if (n == null) {
            throw new IllegalArgumentException("no network " + key + " in project " + project.name());
        }
        return new NetworkSpec(
                n.name(),
                n.driver(),
                n.driverOpts(),
                n.ipam().driver(),
                n.ipam().config().stream()
                        .map(p -> new IpamPoolSpec(p.subnet(), p.ipRange(), p.gateway(), p.auxAddresses()))
                        .toList(),
                java.util.Map.of(),
                n.internal(),
                n.attachable(),
                n.enableIpv6(),
                Optional.empty(),
                ComposeLabels.network(project, key, n.labels(), composeVersion));
    }
}
