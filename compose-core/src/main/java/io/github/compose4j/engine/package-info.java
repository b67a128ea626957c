/**
 * The port through which compose4j talks to a container engine, in compose4j's own types: listing
 * objects by label, creating, starting, stopping and removing containers, networks and volumes,
 * images. {@link io.github.compose4j.engine.docker} implements it over docker-java; tests use an
 * in-memory fake that passes the same contract test.
 */
package io.github.compose4j.engine;
