/**
 * The library API: load a Compose project ({@link io.github.compose4j.api.ProjectSource}) and drive it
 * ({@link io.github.compose4j.api.ComposeProject}) from Java, against an engine built from the caller's
 * environment by {@link io.github.compose4j.engine.docker.DockerEngines#fromEnvironment}.
 */
package io.github.compose4j.api;
