package io.github.compose4j.cli;

/**
 * A command whose options end at its first positional argument, as Compose's commands that run a command
 * ({@code run}, {@code exec}) parse: {@code exec svc ls -l} passes {@code -l} to {@code ls}.
 */
interface StopsAtPositional {
}
