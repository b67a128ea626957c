package io.github.compose4j.engine.swarm;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A Swarm service: its name, labels, what its tasks run, how many, how it is updated and reached. */
public record ServiceSpec(String name, Map<String, String> labels, TaskSpec task, ServiceMode mode,
                          Optional<UpdatePolicy> update, Optional<UpdatePolicy> rollback, Endpoint endpoint) {
    public ServiceSpec {
        labels = Map.copyOf(labels);
    }

    public ServiceSpec withTask(TaskSpec newTask) {
        return new ServiceSpec(name, labels, newTask, mode, update, rollback, endpoint);
    }

    public ServiceSpec withLabel(String key, String value) {
        Map<String, String> copy = new TreeMap<>(labels);
        copy.put(key, value);
        return new ServiceSpec(name, copy, task, mode, update, rollback, endpoint);
    }
}
