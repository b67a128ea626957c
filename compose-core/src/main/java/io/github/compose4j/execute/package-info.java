/**
 * What {@code up}, {@code create} and {@code down} send to the engine: containers, networks and
 * volumes built from the model exactly as Docker Compose builds its create requests, and the
 * secret and config files it copies into containers after creating them.
 */
package io.github.compose4j.execute;
