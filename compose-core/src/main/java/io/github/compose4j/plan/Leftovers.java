package io.github.compose4j.plan;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.observe.ObservedState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * What a recreate interrupted by a crash leaves: a recreate creates the replacement under a temporary name
 * ({@code <12 hex of the old id>_<name>}), stops and removes the old container, then renames the replacement. Killed
 * in between, it leaves two containers of one service number, or one under the temporary name. Docker Compose then
 * fails on the name conflict or keeps the odd name; compose4j removes the extra container and renames the survivor,
 * so the next {@code up} ends with exactly one container per service and number.
 */
final class Leftovers {
    private static final Pattern TEMPORARY = Pattern.compile("[0-9a-f]{12}_.+");

    private Leftovers() {
    }

    /**
     * The containers to remove so that each number keeps one: per number the one under its proper name (else the
     * newest) stays.
     */
    static List<ContainerSummary> duplicates(List<ContainerSummary> containers, IntFunction<String> properName) {
        Map<Integer, List<ContainerSummary>> byNumber = new LinkedHashMap<>();
        for (ContainerSummary c : containers) {
            byNumber.computeIfAbsent(ObservedState.number(c), n -> new ArrayList<>()).add(c);
        }
        List<ContainerSummary> out = new ArrayList<>();
        byNumber.forEach((number, group) -> {
            if (group.size() < 2) {
                return;
            }
            String proper = properName.apply(number);
            ContainerSummary keep = group.stream().filter(c -> c.name().equals(proper)).findFirst()
                    .orElseGet(() -> group.stream().max(Comparator.comparingLong(ContainerSummary::created)
                            .thenComparing(ContainerSummary::id)).orElseThrow());
            group.stream().filter(c -> c != keep && isTemporary(c.name(), proper)).forEach(out::add);
        });
        return out;
    }

    /** Whether {@code name} is the temporary name of a replacement for a container named {@code proper}. */
    static boolean isTemporary(String name, String proper) {
        return name.length() == proper.length() + 13 && name.endsWith("_" + proper)
                && TEMPORARY.matcher(name).matches();
    }
}
