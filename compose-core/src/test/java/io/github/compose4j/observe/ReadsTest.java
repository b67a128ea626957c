package io.github.compose4j.observe;

import io.github.compose4j.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadsTest {
    @Test
    void resultsComeInTheOrderOfTheItemsWhateverThreadReadThem() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            items.add(i);
        }
        Supplier<List<Integer>> squares = Reads.startAll(items, n -> {
            threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
            return n * n;
        });
        assertThat(squares.get()).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100);
        assertThat(threads).hasSizeBetween(1, Reads.THREADS);
    }

    @Test
    void noItemIsNoResult() {
        assertThat(Reads.startAll(List.<String>of(), String::length).get()).isEmpty();
    }

    @Test
    void aFailedReadFailsTheResultWithItsOwnException() {
        EngineException refused = new EngineException(EngineException.Kind.UNAVAILABLE, "Cannot connect to the Docker daemon");
        Supplier<String> result = Reads.start(() -> {
            throw refused;
        });
        assertThatThrownBy(result::get).isSameAs(refused);
    }
}
