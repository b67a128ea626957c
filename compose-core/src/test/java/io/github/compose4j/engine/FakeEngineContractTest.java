package io.github.compose4j.engine;

/** The contract against the in-memory fake, set up like the test machine: busybox present, a registry with it. */
class FakeEngineContractTest extends EngineContract {
    private FakeEngine fake;

    @Override
    protected Engine openEngine() {
        fake = new FakeEngine()
            .withImages(IMAGE, PULLABLE)
            .failPull(MISSING, new EngineException(EngineException.Kind.NOT_FOUND, "Error response from daemon: "
                + "manifest for " + MISSING + " not found: manifest unknown: manifest unknown"));
        return fake;
    }

    @Override
    protected byte[] readFile(String containerId, String path) {
        return fake.files(containerId).get(path);
    }
}
