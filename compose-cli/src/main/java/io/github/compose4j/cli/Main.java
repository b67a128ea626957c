package io.github.compose4j.cli;

/** Entry point of the {@code compose} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("compose4j");
    }
}
