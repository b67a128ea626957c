package io.github.compose4j.execute;

import io.github.compose4j.engine.PortBinding;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Port;
import io.github.compose4j.model.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code ports} and {@code expose} as exposed ports and port bindings. */
final class PortSpecs {
    private PortSpecs() {
    }

    /** Each {@code expose} entry as written, and {@code <target>/<protocol>} of each port; sorted, no duplicates. */
    static List<String> exposed(Service s) {
        TreeSet<String> ports = new TreeSet<>(s.expose());
        s.ports().forEach(p -> ports.add(p.target() + "/" + p.protocol()));
        return List.copyOf(ports);
    }

    /** One binding per port entry; the loader already expanded ranges with as many targets as published ports. */
    static List<PortBinding> bindings(Service s) {
        List<PortBinding> out = new ArrayList<>();
        for (Port p : s.ports()) {
            int start = 0;
            int end = 0;
            String published = p.published();
            if (!published.isEmpty()) {
                int dash = published.indexOf('-');
                if (dash < 0) {
                    start = port(published);
                } else {
                    start = port(published.substring(0, dash));
                    end = port(published.substring(dash + 1));
                }
            }
            out.add(new PortBinding(p.hostIp(), start, (int) p.target(), p.protocol(), end));
        }
        return out;
    }

    private static int port(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ComposeException.invalid("invalid published port: " + s);
        }
    }
}
