/**
 * Commands that run processes in the project's containers rather than converging it: {@code run} (one-off
 * containers), {@code exec} and {@code cp}. They reuse the executor for the containers they create and the
 * engine's streaming calls for what they attach to.
 */
package io.github.compose4j.oneoff;
