package io.github.compose4j.model.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TextClasses}: the compiled class returns exactly the text, whatever characters it holds. */
class TextClassesTest {
    @Test
    void everyKindOfCharacterSurvivesCompilation(@TempDir Path classes) throws Exception {
        String text = "plain \"quoted\" back\\slash\nnew line\ttab\rreturn \u0001 control \u00e9t\u00e9 \u2028 \\u000a "
                + "{\"$schema\": \"x\"} \uD83D\uDE00";

        TextClasses.write(classes, "io.github.compose4j.gen.Sample", text);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            var method = loader.loadClass("io.github.compose4j.gen.Sample").getDeclaredMethod("text");
            method.setAccessible(true);
            assertThat(method.invoke(null)).isEqualTo(text);
        }
    }
}
