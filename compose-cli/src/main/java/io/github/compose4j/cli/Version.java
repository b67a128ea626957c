package io.github.compose4j.cli;

/** Versions: compose4j's own, and the Docker Compose release whose behaviour it reproduces. */
public final class Version {
    /** The Docker Compose release compose4j is compatible with. */
    public static final String REFERENCE = "2.26.1";

    private Version() {
    }

    public static String own() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /**
     * The version tools see: the compatible Compose release with compose4j's version as build
     * metadata, so that semantic-version comparisons treat it as that release.
     */
    public static String compatible() {
        return REFERENCE + "+compose4j." + own();
    }
}
