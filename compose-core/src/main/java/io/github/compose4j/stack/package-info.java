/**
 * {@code compose stack}: a project deployed to Docker Swarm as services, with the {@code docker stack} conventions
 * (objects named {@code <stack>_<key>} and labelled {@code com.docker.stack.namespace}) so that either tool manages
 * what the other deployed. {@link io.github.compose4j.stack.StackConverter} is the pure mapping;
 * {@link io.github.compose4j.stack.StackDeployer} reconciles it with the swarm.
 */
package io.github.compose4j.stack;
