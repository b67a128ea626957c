package io.github.compose4j.plan;

import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A service's references to other services' containers ({@code network_mode}, {@code ipc},
 * {@code pid}: {@code service:x}; {@code volumes_from: [x]}) replaced by a container id, as Compose
 * does before creating a container and before hashing its configuration.
 */
public final class References {
    private References() {
    }

    /**
     * @param firstContainerId the id of the service's first container (by name) at that moment, or an
     *                         empty string when it has none
     */
    public static Service resolve(Service service, Function<String, String> firstContainerId) {
        Service s = service;
        String nm = mode(service.networkMode(), firstContainerId);
        if (!nm.equals(service.networkMode())) {
            s = RecordShape.with(s, "networkMode", nm);
        }
        String ipc = mode(service.ipc(), firstContainerId);
        if (!ipc.equals(service.ipc())) {
            s = RecordShape.with(s, "ipc", ipc);
        }
        String pid = mode(service.pid(), firstContainerId);
        if (!pid.equals(service.pid())) {
            s = RecordShape.with(s, "pid", pid);
        }
        if (!service.volumesFrom().isEmpty()) {
            List<String> resolved = new ArrayList<>();
            for (String v : service.volumesFrom()) {
                String[] spec = v.split(":", -1);
                if (spec[0].equals("container") && spec.length > 1) {
                    resolved.add(spec[1]);
                } else {
                    resolved.add(firstContainerId.apply(spec[0]));
                }
            }
            s = RecordShape.with(s, "volumesFrom", List.copyOf(resolved));
        }
        return s;
    }

    /** The service named by a {@code service:x} mode, or null. */
    public static String serviceOf(String mode) {
        return mode.startsWith("service:") ? mode.substring("service:".length()) : null;
    }

    private static String mode(String mode, Function<String, String> firstContainerId) {
        String target = serviceOf(mode);
        return target == null ? mode : "container:" + firstContainerId.apply(target);
    }
}
