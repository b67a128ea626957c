package io.github.compose4j.engine.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test-only PEM files under src/test/resources/.../tls (made by gen.sh there). */
final class TestPems {
    private TestPems() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestPems.class.getResourceAsStream("tls/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource tls/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
