package io.github.compose4j.stack;

/** The labels {@code docker stack} puts on what it creates; compose4j writes and reads the same. */
public final class StackLabels {
    /** The stack an object belongs to. */
    public static final String NAMESPACE = "com.docker.stack.namespace";
    /** The image as the compose file names it, before a digest is pinned. */
    public static final String IMAGE = "com.docker.stack.image";

    private StackLabels() {
    }

    /** {@code <stack>_<name>}, as {@code docker stack} scopes names. */
    public static String scope(String stack, String name) {
        return stack + "_" + name;
    }
}
