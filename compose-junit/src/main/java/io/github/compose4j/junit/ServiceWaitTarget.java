package io.github.compose4j.junit;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.github.compose4j.api.ServiceContainer;

import java.util.List;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/**
 * One replica of a service as a Testcontainers wait strategy sees it. Inspection goes through Testcontainers' own
 * Docker client (the strategies need its types); ports and logs come from the container itself.
 */
final class ServiceWaitTarget implements WaitStrategyTarget {
    private final ServiceHandle replica;
    private final String containerId;

    ServiceWaitTarget(ServiceHandle replica) {
        this.replica = replica;
        this.containerId = replica.container().id();
    }

    @Override
    public String getContainerId() {
        return containerId;
    }

    @Override
    public List<Integer> getExposedPorts() {
        return replica.container().ports().stream().filter(p -> p.publishedPort() > 0)
                .map(ServiceContainer.Port::containerPort).distinct().toList();
    }

    @Override
    public Integer getMappedPort(int originalPort) {
        return replica.port(originalPort);
    }

    @Override
    public String getHost() {
        return replica.host();
    }

    @Override
    public InspectContainerResponse getContainerInfo() {
        return getDockerClient().inspectContainerCmd(containerId).exec();
    }
}
