/**
 * Container output for {@code logs} and attached {@code up}: engine streams cut into whole lines
 * ({@link io.github.compose4j.logs.LineSplitter}), one reader thread per container, and a single
 * {@link io.github.compose4j.logs.LogPrinter} thread that hands every line, in arrival order, to a
 * {@link io.github.compose4j.logs.LogConsumer} (the CLI's renderer), so lines are never cut or mixed.
 * {@link io.github.compose4j.logs.ProjectWatcher} follows container events (start, die, stop, create)
 * like Docker Compose's watch of a project.
 */
package io.github.compose4j.logs;
