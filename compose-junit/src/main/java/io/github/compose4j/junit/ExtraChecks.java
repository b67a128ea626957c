package io.github.compose4j.junit;

import io.github.compose4j.api.ComposeProject;
import io.github.compose4j.api.NotReadyException;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.regex.Pattern;

/** The optional checks of {@link ReadyWhen}, polled on every replica of the service until they pass or time out. */
final class ExtraChecks {
    private ExtraChecks() {
    }

    static void await(ComposeProject project, String dockerHost, List<StackDefinition.ReadyCheck> checks) {
        for (StackDefinition.ReadyCheck check : checks) {
            ServiceHandle service = new ServiceHandle(project, check.service(), 0, dockerHost);
            for (ServiceHandle replica : service.replicas()) {
                await(replica, check);
            }
        }
    }

    private static void await(ServiceHandle replica, StackDefinition.ReadyCheck check) {
        long deadline = System.nanoTime() + check.timeout().toNanos();
        String last = "";
        while (true) {
            try {
                last = attempt(replica, check);
                if (last.isEmpty()) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            }
            if (System.nanoTime() - deadline > 0) {
                String logs = replica.logs(20);
                throw new NotReadyException(check.service(), "service \"" + check.service() + "\" is not ready: "
                        + describe(check) + " did not pass within " + check.timeout().toSeconds() + " s (last: " + last
                        + ")\n  container " + replica.container().name() + " (" + replica.container().state() + ")"
                        + "\n  last log lines:" + logs.lines().map(l -> "\n    | " + l).reduce("", String::concat));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + describe(check), e);
            }
        }
    }

    /** Empty when the check passes, else what it saw. */
    private static String attempt(ServiceHandle replica, StackDefinition.ReadyCheck check) throws IOException {
        if (!check.logLine().isEmpty()) {
            Pattern p = Pattern.compile(check.logLine());
            return replica.logs().lines().anyMatch(l -> p.matcher(l).find()) ? "" : "no matching line yet";
        }
        if (!check.httpPath().isEmpty()) {
            HttpURLConnection c = (HttpURLConnection) replica.uri("http", check.port(), check.httpPath()).toURL()
                    .openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            try {
                int status = c.getResponseCode();
                return status >= 200 && status < 300 ? "" : "HTTP " + status;
            } finally {
                c.disconnect();
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(replica.host(), replica.port(check.port())), 1000);
            return "";
        }
    }

    private static String describe(StackDefinition.ReadyCheck check) {
        if (!check.logLine().isEmpty()) {
            return "log line /" + check.logLine() + "/";
        }
        if (!check.httpPath().isEmpty()) {
            return "HTTP GET " + check.httpPath() + " on port " + check.port();
        }
        return "TCP port " + check.port();
    }
}
