package io.github.compose4j.junit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The JVM that owns a stack, written on the stack's marker volume as {@code host/pid@startMillis}: a process id is
 * reused by the system, its start time tells a new process from the owner.
 */
record Owner(String host, long pid, long startMillis) {
    static final String MARKER_LABEL = "io.github.compose4j.junit.marker";
    static final String OWNER_LABEL = "io.github.compose4j.junit.owner";
    static final String PROJECT_LABEL = "io.github.compose4j.junit.project";

    static Owner current() {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(hostName(), self.pid(), self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L));
    }

    String label() {
        return host + "/" + pid + "@" + startMillis;
    }

    static Optional<Owner> parse(String label) {
        int slash = label.lastIndexOf('/');
        int at = label.lastIndexOf('@');
        if (slash < 0 || at < slash) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(label.substring(0, slash), Long.parseLong(label.substring(slash + 1, at)),
                    Long.parseLong(label.substring(at + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this owner is a process of this machine that is gone; an owner elsewhere is never judged. */
    boolean isDeadHere() {
        if (!host.equals(hostName())) {
            return false;
        }
        return ProcessHandle.of(pid)
                .map(p -> p.info().startInstant().map(i -> i.toEpochMilli() != startMillis).orElse(false))
                .orElse(true);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
