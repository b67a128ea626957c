package io.github.compose4j.cli.format;

import io.github.compose4j.engine.ContainerStats;

import java.util.LinkedHashMap;
import java.util.Map;

/** A container's resource usage as {@code docker stats} shows it: percentages and sizes for people. */
public final class StatsView {
    /** The default table. */
    public static final String TABLE = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}"
        + "\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
    public static final Map<String, String> HEADER = Map.of("Container", "CONTAINER", "ID", "CONTAINER ID",
        "Name", "NAME", "CPUPerc", "CPU %", "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O",
        "BlockIO", "BLOCK I/O", "PIDs", "PIDS");

    private StatsView() {
    }

    public static MethodContext context(ContainerStats s, boolean trunc) {
        String id = trunc ? Units.truncateId(s.id()) : s.id();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("BlockIO", Units.humanSize(s.blockRead()) + " / " + Units.humanSize(s.blockWrite()));
        v.put("CPUPerc", String.format(java.util.Locale.ROOT, "%.2f%%", cpuPercent(s)));
        v.put("Container", id);
        v.put("ID", id);
        double memPercent = s.memoryLimit() == 0 ? 0 : 100.0 * s.memoryUsage() / s.memoryLimit();
        v.put("MemPerc", String.format(java.util.Locale.ROOT, "%.2f%%", memPercent));
        v.put("MemUsage", Units.bytesSize(s.memoryUsage()) + " / " + Units.bytesSize(s.memoryLimit()));
        v.put("Name", s.name().isEmpty() ? "--" : s.name());
        v.put("NetIO", Units.humanSize(s.networkRx()) + " / " + Units.humanSize(s.networkTx()));
        v.put("PIDs", Long.toString(s.pids()));
        return new MethodContext("*container.statsContext", v);
    }

    /** The container's share of the host's CPU time since the previous reading, times its CPUs. */
    static double cpuPercent(ContainerStats s) {
        double cpuDelta = (double) s.cpuTotal() - s.preCpuTotal();
        double systemDelta = (double) s.systemCpu() - s.preSystemCpu();
        if (systemDelta > 0 && cpuDelta > 0) {
            return cpuDelta / systemDelta * s.onlineCpus() * 100.0;
        }
        return 0;
    }
}
