/**
 * Docker Swarm objects in the terms of the Engine API's service, task, secret and config specs, as the
 * {@link io.github.compose4j.engine.Engine} port sends and reads them. Values the daemon fills in on its own
 * (an empty DNS config, {@code Isolation: default}...) are absent here, so a spec read back equals the spec sent.
 */
package io.github.compose4j.engine.swarm;
