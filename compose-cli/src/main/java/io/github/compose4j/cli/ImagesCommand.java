package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.format.GoStruct;
import io.github.compose4j.cli.format.GoValues;
import io.github.compose4j.cli.format.Units;
import io.github.compose4j.cli.render.TabWriter;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.inspect.ImageRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code compose images}: the images of the project's containers. */
@Command(name = "images", description = "List images used by the created containers")
public final class ImagesCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--format", description = "Format the output. Values: [table | json]")
    String format = "table";

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        String name = ProjectScope.name(root);
        List<ImageRow> images;
        try (Engine engine = root.engine()) {
            images = new ArrayList<>(new Compose(engine, ProgressListener.NONE, 0).inspection()
                .images(name, services));
        }
        StringBuilder out = new StringBuilder();
        if (quiet) {
            Set<String> ids = new LinkedHashSet<>();
            images.forEach(i -> ids.add(i.id().substring(i.id().indexOf(':') + 1)));
            ids.forEach(id -> out.append(id).append('\n'));
        } else {
            images.sort(Comparator.comparing(ImageRow::containerName));
            out.append(render(images, format));
        }
        root.ctx.out().print(out);
        return 0;
    }

    static String render(List<ImageRow> images, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "table", "pretty", "" -> {
                TabWriter w = TabWriter.compose().row("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE");
                for (ImageRow i : images) {
                    w.row(i.containerName(), i.repository().isEmpty() ? "<none>" : i.repository(),
                        i.tag().isEmpty() ? "<none>" : i.tag(), Units.truncateId(i.id()), Units.humanSize(i.size()));
                }
                return w.render();
            }
            case "json" -> {
                List<Object> view = new ArrayList<>();
                for (ImageRow i : images) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("ID", i.id());
                    fields.put("ContainerName", i.containerName());
                    fields.put("Repository", i.repository());
                    fields.put("Tag", i.tag());
                    fields.put("Size", i.size());
                    view.add(new GoStruct("api.ImageSummary", fields));
                }
                return GoValues.json(view, false) + "\n";
            }
            default -> throw new ComposeException(Failure.GENERAL, "format value \"" + format
                + "\" could not be parsed: parsing failed");
        }
    }
}
