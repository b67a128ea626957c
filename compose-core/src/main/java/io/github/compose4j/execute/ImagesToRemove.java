package io.github.compose4j.execute;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.plan.Action;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The images {@code down --rmi} removes, as Docker Compose 2.26 picks them: with {@code local}, the images
 * labelled with the project (built by Compose) whose service is still in the project (any, with
 * {@code --remove-orphans}), and the {@code <project>-<service>} images of services without an {@code image}
 * name; with {@code all}, also every present image a service names. Each by one name, with an explicit tag
 * and without the {@code docker.io/library/} prefix, sorted.
 */
public final class ImagesToRemove {
    private ImagesToRemove() {
    }

    public static List<String> of(Engine engine, Project project, String mode, boolean removeOrphans) {
        if (mode.isEmpty()) {
            return List.of();
        }
        TreeSet<String> images = new TreeSet<>();
        if (mode.equals("all")) {
            for (Service s : project.services().values()) {
                if (!s.image().isEmpty() && engine.inspectImage(s.image()).isPresent()) {
                    images.add(familiar(s.image()));
                }
            }
        }
        for (ImageSummary i : engine.listImages(Map.of(Labels.PROJECT, project.name()))) {
            if (i.repoTags().isEmpty()) {
                continue;
            }
            if (removeOrphans || project.services().containsKey(i.labels().getOrDefault(Labels.SERVICE, ""))) {
                images.add(familiar(i.repoTags().get(0)));
            }
        }
        for (Service s : project.services().values()) {
            if (s.image().isEmpty()) {
                String image = ObservedState.imageOf(project, s);
                if (engine.inspectImage(image).isPresent()) {
                    images.add(familiar(image));
                }
            }
        }
        return List.copyOf(images);
    }

    /** {@code plan} with a removal of each image, after every container removal of the plan. */
    public static Plan addRemovals(Plan plan, List<String> images) {
        if (images.isEmpty()) {
            return plan;
        }
        List<String> containers = plan.steps().stream()
            .filter(s -> s.action() instanceof Action.RemoveContainer).map(Step::id).toList();
        List<Step> steps = new ArrayList<>(plan.steps());
        images.forEach(i -> steps.add(new Step("image:" + i, new Action.RemoveImage(i), containers, "--rmi")));
        return new Plan(steps, plan.warnings());
    }

    /** A reference as the docker CLI shows it: tagged {@code latest} when it has no tag, Docker Hub's prefix dropped. */
    static String familiar(String reference) {
        String r = reference;
        int slash = r.indexOf('/');
        String first = slash < 0 ? "" : r.substring(0, slash);
        if (first.equals("docker.io") || first.equals("index.docker.io")) {
            r = r.substring(slash + 1);
            if (r.startsWith("library/") && r.indexOf('/', "library/".length()) < 0) {
                r = r.substring("library/".length());
            }
        }
        if (!r.contains("@") && r.lastIndexOf(':') <= r.lastIndexOf('/')) {
            r = r + ":latest";
        }
        return r;
    }
}
