package io.github.compose4j.plan;

import java.util.List;

/**
 * One thing a plan does to the engine. Actions name objects as the engine will know them; containers
 * that do not exist yet are named by service and number, and the executor tracks what it creates.
 */
public sealed interface Action {

    /** A short stable text, used by the plan's text form. */
    String describe();

    /** Whether the action deletes something the user might miss (containers, volumes, images). */
    default boolean destructive() {
        return false;
    }

    /** Pulls an image some services need. */
    record PullImage(String image, String platform, List<String> services) implements Action {
        public String describe() {
            return "pull image " + image;
        }
    }

    /** Checks that an external network exists (fails the plan's execution otherwise). */
    record CheckExternalNetwork(String key, String name) implements Action {
        public String describe() {
            return "check network " + name + " (external)";
        }
    }

    record CreateNetwork(String key, String name) implements Action {
        public String describe() {
            return "create network " + name;
        }
    }

    /** Checks that an external volume exists (fails the plan's execution otherwise). */
    record CheckExternalVolume(String key, String name) implements Action {
        public String describe() {
            return "check volume " + name + " (external)";
        }
    }

    record CreateVolume(String key, String name) implements Action {
        public String describe() {
            return "create volume " + name;
        }
    }

    /** Creates replica {@code number} of a service. */
    record CreateContainer(String service, int number, String name) implements Action {
        public String describe() {
            return "create container " + name;
        }
    }

    /** Replaces a container: new one created aside, old one stopped and removed, new one renamed. */
    record RecreateContainer(String service, int number, String id, String name) implements Action {
        public String describe() {
            return "recreate container " + name;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Starts an existing container that is neither running nor merely created or exited. */
    record RestartContainer(String service, String id, String name) implements Action {
        public String describe() {
            return "restart container " + name;
        }
    }

    /** Marks a container as kept as it is (reported as running or created). */
    record KeepContainer(String service, String id, String name, String state) implements Action {
        public String describe() {
            return "keep container " + name + " (" + state + ")";
        }
    }

    /** Stops (if running) and removes a container. */
    record RemoveContainer(String service, String id, String name, boolean removeVolumes) implements Action {
        public String describe() {
            return "remove container " + name;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Stops a container. */
    record StopContainer(String service, String id, String name) implements Action {
        public String describe() {
            return "stop container " + name;
        }
    }

    /** Waits for a service's dependencies' conditions, then starts its containers that are not running. */
    record StartService(String service) implements Action {
        public String describe() {
            return "start service " + service;
        }
    }

    /** Waits until the services are running or healthy (or completed, for one-shot dependencies). */
    record WaitForServices(List<String> services, long timeoutMillis) implements Action {
        public String describe() {
            return "wait for " + String.join(", ", services) + (timeoutMillis > 0 ? " (timeout " + timeoutMillis + "ms)" : "");
        }
    }

    record RemoveNetwork(String key, String name) implements Action {
        public String describe() {
            return "remove network " + name;
        }
    }

    record RemoveVolume(String name) implements Action {
        public String describe() {
            return "remove volume " + name;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    record RemoveImage(String image) implements Action {
        public String describe() {
            return "remove image " + image;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    // Lifecycle

    /** Restarts an existing container through the engine (stop, then start), whatever its state. */
    record RestartExistingContainer(String service, String id, String name) implements Action {
        public String describe() {
            return "restart container " + name + " (stop and start)";
        }
    }

    /** Removes a container that is not running ({@code rm}); with {@code force} also one started meanwhile. */
    record RemoveStoppedContainer(String service, String id, String name, boolean force, boolean removeVolumes)
            implements Action {
        public String describe() {
            return "remove stopped container " + name;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Sends a signal to a running container. */
    record KillContainer(String service, String id, String name, String signal) implements Action {
        public String describe() {
            return "kill container " + name + " (" + signal + ")";
        }
    }

    record PauseContainer(String service, String id, String name) implements Action {
        public String describe() {
            return "pause container " + name;
        }
    }

    record UnpauseContainer(String service, String id, String name) implements Action {
        public String describe() {
            return "unpause container " + name;
        }
    }
}
