package io.github.compose4j.engine;

/**
 * One resource-usage sample of a container with the previous CPU reading, the raw counters the engine
 * reports; percentages are computed by whoever displays them.
 *
 * @param cpuTotal       total CPU time used by the container (ns)
 * @param preCpuTotal    the same at the previous reading
 * @param systemCpu      host CPU time (ns)
 * @param preSystemCpu   the same at the previous reading
 * @param onlineCpus     CPUs available to the container
 * @param memoryUsage    memory in use, page cache already deducted as the docker CLI does
 * @param memoryLimit    memory limit (the host's memory when unlimited)
 * @param networkRx      bytes received over all interfaces
 * @param networkTx      bytes sent over all interfaces
 * @param blockRead      bytes read from block devices
 * @param blockWrite     bytes written to block devices
 * @param pids           number of processes
 */
public record ContainerStats(String id, String name, long cpuTotal, long preCpuTotal, long systemCpu,
                             long preSystemCpu, int onlineCpus, long memoryUsage, long memoryLimit, long networkRx,
                             long networkTx, long blockRead, long blockWrite, long pids) {
}
