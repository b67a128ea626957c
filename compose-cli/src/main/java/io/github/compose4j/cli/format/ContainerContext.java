package io.github.compose4j.cli.format;

import io.github.compose4j.inspect.ContainerRow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A container as {@code ps --format} templates see it: the fields of Docker Compose's container context
 * ({@code .Name}, {@code .Service}, {@code .Ports}, {@code .RunningFor}...), and as {@code {{json .}}} writes
 * it: every field, keys sorted, HTML characters escaped.
 */
public final class ContainerContext implements GoFields, GoJsonMarshaler {
    /** The default table of {@code ps}. */
    public static final String TABLE = "table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}"
        + "\t{{.Status}}\t{{.Ports}}";
    /** The {@code raw} format. */
    public static final String RAW = "container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\n"
        + "created_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\n"
        + "names: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n";
    /** Column names of the fields that have one. */
    public static final Map<String, String> HEADER = Map.ofEntries(Map.entry("ID", "CONTAINER ID"),
        Map.entry("Name", "NAME"), Map.entry("Project", "PROJECT"), Map.entry("Service", "SERVICE"),
        Map.entry("Image", "IMAGE"), Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"),
        Map.entry("RunningFor", "CREATED"), Map.entry("Ports", "PORTS"), Map.entry("State", "STATE"),
        Map.entry("Status", "STATUS"), Map.entry("Size", "SIZE"), Map.entry("Labels", "LABELS"));
    private static final List<String> FIELDS = List.of("Command", "CreatedAt", "ExitCode", "Health", "ID", "Image",
        "Labels", "LocalVolumes", "Mounts", "Name", "Names", "Networks", "Ports", "Project", "Publishers",
        "RunningFor", "Service", "Size", "State", "Status");
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx zzz");

    private final ContainerRow c;
    private final boolean trunc;
    private final Instant now;
    private final ZoneId zone;

    /**
     * @param trunc shorten ids, commands and mount names as {@code ps} does unless {@code --no-trunc}
     * @param now   the time "Created ... ago" is measured from
     * @param zone  the local time zone, for {@code .CreatedAt}
     */
    public ContainerContext(ContainerRow c, boolean trunc, Instant now, ZoneId zone) {
        this.c = c;
        this.trunc = trunc;
        this.now = now;
        this.zone = zone;
    }

    /**
     * The format {@code ps} renders for a {@code --format} value: the default table for {@code table} or
     * nothing, {@code {{.ID}}} when quiet, the raw layout for {@code raw}, else the value itself.
     */
    public static String format(String source, boolean quiet) {
        if (source.isEmpty() || source.equals("table")) {
            return quiet ? "{{.ID}}" : TABLE;
        }
        if (source.equals("raw")) {
            return quiet ? "container_id: {{.ID}}" : RAW;
        }
        return quiet ? "{{.ID}}" : source;
    }

    @Override
    public String type() {
        return "*formatter.ContainerContext";
    }

    @Override
    public Optional<Object> field(String name) {
        return switch (name) {
            case "ID" -> Optional.of(trunc ? Units.truncateId(c.id()) : c.id());
            case "Name" -> Optional.of(c.name());
            case "Names" -> Optional.of(names());
            case "Service" -> Optional.of(c.service());
            case "Project" -> Optional.of(c.project());
            case "Image" -> Optional.of(c.image());
            case "Command" -> Optional.of(GoValues.quote(trunc ? Units.ellipsis(c.command(), 20) : c.command()));
            case "CreatedAt" -> Optional.of(createdAt());
            case "RunningFor" -> Optional.of(Units.humanDuration(Duration.between(
                Instant.ofEpochSecond(c.created()), now)) + " ago");
            case "ExitCode" -> Optional.of((long) c.exitCode());
            case "State" -> Optional.of(c.state());
            case "Status" -> Optional.of(c.status());
            case "Health" -> Optional.of(c.health());
            case "Publishers" -> Optional.of(publishers());
            case "Ports" -> Optional.of(Ports.displayable(c.publishers()));
            case "Labels" -> Optional.of(labels());
            case "Mounts" -> Optional.of(mounts());
            case "LocalVolumes" -> Optional.of(Integer.toString(c.localVolumes()));
            case "Networks" -> Optional.of(String.join(",", c.networks()));
            case "Size" -> Optional.of(Units.humanSize(0)); // ps never asks the engine for sizes
            default -> Optional.empty();
        };
    }

    /** Go's {@code time.Time.String()} in the local zone; a fixed UTC zone is named {@code UTC} as Go names it. */
    private String createdAt() {
        var time = Instant.ofEpochSecond(c.created()).atZone(zone);
        if (zone.normalized().equals(java.time.ZoneOffset.UTC)) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(time) + " +0000 UTC";
        }
        return GO_TIME.format(time);
    }

    private String names() {
        List<String> names = new ArrayList<>();
        c.names().forEach(n -> names.add(n.startsWith("/") ? n.substring(1) : n));
        if (trunc) {
            for (String n : names) {
                if (!n.contains("/")) {
                    return n;
                }
            }
        }
        return String.join(",", names);
    }

    private Object publishers() {
        if (c.publishers().isEmpty()) {
            return GoValues.NIL_SLICE;
        }
        List<Object> list = new ArrayList<>();
        for (ContainerRow.Publisher p : c.publishers()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("URL", p.url());
            fields.put("TargetPort", (long) p.targetPort());
            fields.put("PublishedPort", (long) p.publishedPort());
            fields.put("Protocol", p.protocol());
            list.add(new GoStruct("api.PortPublisher", fields));
        }
        return list;
    }

    private String labels() {
        // Compose joins them in Go's random map order; sorted here, for stable output.
        List<String> parts = new ArrayList<>();
        new TreeMap<>(c.labels()).forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }

    private String mounts() {
        List<String> parts = new ArrayList<>();
        c.mounts().forEach(m -> parts.add(trunc ? Units.ellipsis(m, 15) : m));
        return String.join(",", parts);
    }

    @Override
    public String marshalJson() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String f : FIELDS) {
            all.put(f, field(f).orElseThrow());
        }
        return GoValues.json(all, true);
    }
}
