/**
 * Views of a project restricted to what a command works on: active profiles, explicitly named
 * services with their dependencies, and the resources those services use.
 */
package io.github.compose4j.select;
