package io.github.compose4j.plan;

/** The stable text form of a plan: one line per step, then the warnings. Golden tests compare it. */
public final class PlanFormatter {
    private PlanFormatter() {
    }

    public static String format(Plan plan) {
        StringBuilder sb = new StringBuilder();
        for (Step s : plan.steps()) {
            sb.append(s.id()).append(": ").append(s.action().describe());
            if (!s.reason().isEmpty()) {
                sb.append("  [").append(s.reason()).append(']');
            }
            if (!s.dependsOn().isEmpty()) {
                sb.append("  after ").append(String.join(", ", s.dependsOn()));
            }
            sb.append('\n');
        }
        for (String w : plan.warnings()) {
            sb.append("warning: ").append(w).append('\n');
        }
        return sb.toString();
    }
}
