package io.github.compose4j.graph;

import io.github.compose4j.load.canonical.ModelBinder;
import io.github.compose4j.model.Dependency;
import io.github.compose4j.model.Extensions;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyGraphTest {
    private static final Dependency STARTED = new Dependency(Dependency.STARTED, false, Extensions.NONE, true);

    private static final Service ZERO = ModelBinder.zero(Service.class);

    /** A service depending on others; the graph knows services by their keys, so the name is left out. */
    private static Service service(String name, String... deps) {
        Map<String, Dependency> d = new LinkedHashMap<>();
        for (String dep : deps) {
            d.put(dep, STARTED);
        }
        return RecordShape.with(ZERO, "dependsOn", d);
    }

    /** Services given as "name:dep,dep" strings. */
    private static Map<String, Service> services(String... specs) {
        Map<String, Service> out = new LinkedHashMap<>();
        for (String spec : specs) {
            String[] parts = spec.split(":", -1);
            String[] deps = parts.length > 1 && !parts[1].isEmpty() ? parts[1].split(",") : new String[0];
            out.put(parts[0], service(parts[0], deps));
        }
        return out;
    }

    private static Optional<List<String>> cycle(Map<String, Service> services) {
        return DependencyGraph.of(services).firstCycle(services);
    }

    @Test
    void acyclicGraphHasNoCycle() {
        assertThat(cycle(services("a:b,c", "b:c", "c"))).isEmpty();
    }

    @Test
    void cycleIsThePathBackToItsFirstService() {
        assertThat(cycle(services("a:b", "b:c", "c:a"))).contains(List.of("a", "b", "c", "a"));
    }

    @Test
    void selfDependencyIsACycle() {
        assertThat(cycle(services("a:a"))).contains(List.of("a", "a"));
    }

    @Test
    void firstCycleInNameOrderIsReported() {
        // docker compose prints "b -> c -> b" for this project.
        assertThat(cycle(services("z:y", "y:z", "b:c", "c:b,d", "d"))).contains(List.of("b", "c", "b"));
    }

    @Test
    void cycleStartsWhereThePathLoopsBack() {
        assertThat(cycle(services("a:b", "b:c", "c:b"))).contains(List.of("b", "c", "b"));
    }

    @Test
    void dependenciesOnUnknownServicesAreIgnored() {
        Map<String, Service> s = services("a:gone");
        assertThat(cycle(s)).isEmpty();
        assertThat(DependencyGraph.of(s).dependencies("a")).isEmpty();
    }

    @Test
    void directDependenciesAreSorted() {
        assertThat(DependencyGraph.of(services("a:c,b", "b", "c")).dependencies("a")).containsExactly("b", "c");
    }

    @Test
    void longChainIsWalkedWithoutExhaustingTheStack() {
        int n = 10_000;
        Map<String, Service> s = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            s.put(name(i), i + 1 < n ? service(name(i), name(i + 1)) : service(name(i)));
        }
        assertThat(cycle(s)).isEmpty();
    }

    @Test
    void cycleClosingALongChainIsFound() {
        int n = 10_000;
        Map<String, Service> s = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            s.put(name(i), service(name(i), name((i + 1) % n)));
        }
        List<String> c = cycle(s).orElseThrow();
        assertThat(c).hasSize(n + 1);
        assertThat(c.get(0)).isEqualTo(name(0));
        assertThat(c.get(n)).isEqualTo(name(0));
    }

    private static String name(int i) {
        return String.format("s%05d", i);
    }
}
