package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.format.GoValues;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.inspect.ComposeEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code compose events}: the project's container events as they happen, until interrupted. */
@Command(name = "events", description = "Receive real time events from containers")
public final class EventsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @ParentCommand
    ComposeCommand root;

    @Option(names = "--json", description = "Output events as a stream of json objects")
    boolean json;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        String name = ProjectScope.name(root);
        ZoneId zone = ZoneId.systemDefault();
        try (Engine engine = root.engine()) {
            new Compose(engine, ProgressListener.NONE, 0).inspection().events(name, services, e -> {
                root.ctx.out().print(json ? json(e, zone) + "\n" : text(e, zone) + "\n\n");
                root.ctx.out().flush();
                return true;
            });
        }
        return 0;
    }

    /** One line: the time, the action, the container id and its attributes. */
    static String text(ComposeEvent e, ZoneId zone) {
        List<String> attributes = new ArrayList<>();
        new TreeMap<>(e.attributes()).forEach((k, v) -> attributes.add(k + "=" + v));
        return TEXT_TIME.format(time(e, zone)) + " container " + e.action() + " " + e.container() + " ("
            + String.join(", ", attributes) + ")";
    }

    /** A JSON object with Compose's keys: action, attributes, id, service, time, type. */
    static String json(ComposeEvent e, ZoneId zone) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", rfc3339Nano(time(e, zone)));
        fields.put("type", "container");
        fields.put("service", e.service());
        fields.put("id", e.container());
        fields.put("action", e.action());
        fields.put("attributes", new LinkedHashMap<String, Object>(e.attributes()));
        return GoValues.json(fields, true);
    }

    private static ZonedDateTime time(ComposeEvent e, ZoneId zone) {
        return Instant.ofEpochSecond(0, e.timeNanos()).atZone(zone);
    }

    /** Go's {@code time.RFC3339Nano}: fraction without trailing zeros, {@code Z} for UTC. */
    static String rfc3339Nano(ZonedDateTime t) {
        String base = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(t);
        String fraction = "";
        if (t.getNano() != 0) {
            fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
            fraction = "." + fraction;
        }
        String offset = t.getOffset().getTotalSeconds() == 0 ? "Z" : DateTimeFormatter.ofPattern("xxx").format(t);
        return base + fraction + offset;
    }
}
