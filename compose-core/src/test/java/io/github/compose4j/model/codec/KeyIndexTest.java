package io.github.compose4j.model.codec;

import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KeyIndex}: the build-time index says what the annotations say. */
class KeyIndexTest {
    @Test
    void theBuiltIndexCoversTheModelAndAgreesWithTheAnnotations() throws ClassNotFoundException {
        Map<String, List<KeyIndex.Entry>> index = KeyIndex.parse(KeyIndexText.text());
        assertThat(index).containsKeys(Project.class.getName(), Service.class.getName());
        for (Map.Entry<String, List<KeyIndex.Entry>> e : index.entrySet()) {
            Class<?> type = Class.forName(e.getKey());
            List<KeyIndex.Entry> fromAnnotations = Arrays.stream(type.getRecordComponents()).map(KeyIndex.Entry::of).toList();
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(fromAnnotations);
        }
    }

    @Test
    void entriesSurviveFormatting() {
        List<KeyIndex.Entry> entries = List.of(new KeyIndex.Entry("dockerfileInline", "dockerfile_inline", true, false, false),
                new KeyIndex.Entry("name", "name", false, true, true));
        assertThat(KeyIndex.parse(KeyIndex.line(Build.class, entries))).containsExactly(Map.entry(Build.class.getName(), entries));
    }

    @Test
    void shapesUseTheIndexedKeys() {
        assertThat(RecordShape.of(io.github.compose4j.model.Build.class).components())
                .anySatisfy(c -> assertThat(c.serializedName()).isEqualTo("dockerfile_inline"));
    }

    private record Build() {
    }
}
