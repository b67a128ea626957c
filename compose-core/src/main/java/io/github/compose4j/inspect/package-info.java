/**
 * What the inspection commands ({@code ps}, {@code ls}, {@code top}, {@code port}, {@code images}, {@code events},
 * {@code stats}) read from the engine, gathered as Docker Compose gathers it and returned as plain records; how
 * they are printed is the CLI's business.
 */
package io.github.compose4j.inspect;
