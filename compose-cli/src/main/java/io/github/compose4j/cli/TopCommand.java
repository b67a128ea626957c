package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.TabWriter;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.inspect.ContainerProcesses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose top}: the processes of the project's containers. */
@Command(name = "top", description = "Display the running processes")
public final class TopCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Parameters(paramLabel = "SERVICES")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        String name = ProjectScope.name(root);
        List<ContainerProcesses> containers;
        try (Engine engine = root.engine()) {
            containers = new Compose(engine, ProgressListener.NONE, 0).inspection().top(name, services);
        }
        root.ctx.out().print(render(containers));
        return 0;
    }

    /** Each container's name, then its processes aligned under the titles, then a blank line. */
    static String render(List<ContainerProcesses> containers) {
        StringBuilder out = new StringBuilder();
        for (ContainerProcesses c : containers) {
            out.append(c.name()).append('\n');
            TabWriter w = new TabWriter(5, 3).row(c.titles());
            for (List<String> p : c.processes()) {
                List<String> cells = new ArrayList<>(p);
                cells.add(""); // every cell is tab-terminated, as Compose prints them
                w.row(cells);
            }
            w.row("");
            out.append(w.render());
        }
        return out.toString();
    }
}
