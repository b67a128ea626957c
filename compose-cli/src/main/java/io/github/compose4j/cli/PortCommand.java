package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.inspect.PublishedPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code compose port}: where a service's container port is published. */
@Command(name = "port", customSynopsis = "docker compose port [OPTIONS] SERVICE PRIVATE_PORT",
        description = "Print the public port for a port binding")
public final class PortCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--protocol", description = "tcp or udp")
    String protocol = "tcp";

    @Option(names = "--index", description = "Index of the container if service has multiple replicas")
    int index;

    @Parameters(paramLabel = "SERVICE PRIVATE_PORT")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        if (args.size() < 2) {
            throw new ComposeException(Failure.GENERAL, "requires at least 2 arg(s), only received " + args.size());
        }
        int port = parsePort(args.get(1));
        String name = ProjectScope.name(root);
        PublishedPort published;
        try (Engine engine = root.engine()) {
            published = new Compose(engine, ProgressListener.NONE, 0).inspection()
                .port(name, args.get(0), port, protocol.toLowerCase(Locale.ROOT), index);
        }
        root.ctx.out().println(published.hostIp() + ":" + published.hostPort());
        return 0;
    }

    /** A port number as Go's {@code strconv.ParseUint(s, 10, 16)} reads it, with its errors. */
    static int parsePort(String s) {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            throw new ComposeException(Failure.GENERAL, "strconv.ParseUint: parsing " + quote(s) + ": invalid syntax");
        }
        if (s.length() > 5 || Integer.parseInt(s) > 65535) {
            throw new ComposeException(Failure.GENERAL, "strconv.ParseUint: parsing " + quote(s)
                + ": value out of range");
        }
        return Integer.parseInt(s);
    }

    private static String quote(String s) {
        return io.github.compose4j.cli.format.GoValues.quote(s);
    }
}
