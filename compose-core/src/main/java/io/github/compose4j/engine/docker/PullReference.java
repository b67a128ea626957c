package io.github.compose4j.engine.docker;

/**
 * An image reference split the way the docker client asks the engine to pull it: {@code fromImage} is the name
 * without tag or digest, {@code tag} the digest when there is one, else the tag, else {@code latest}.
 */
record PullReference(String repository, String tag) {

    static PullReference parse(String reference) {
        int at = reference.indexOf('@');
        String name = at < 0 ? reference : reference.substring(0, at);
        int colon = name.lastIndexOf(':');
        boolean tagged = colon > name.lastIndexOf('/'); // a colon before the last slash is a registry port
        String repository = tagged ? name.substring(0, colon) : name;
        if (at >= 0) {
            return new PullReference(repository, reference.substring(at + 1));
        }
        return new PullReference(repository, tagged ? name.substring(colon + 1) : "latest");
    }
}
