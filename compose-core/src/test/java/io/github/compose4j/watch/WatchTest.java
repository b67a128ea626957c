package io.github.compose4j.watch;

import io.github.compose4j.build.IgnorePatterns;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Project;
import io.github.compose4j.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which services and files {@code watch} acts on, and how it sees the files change. */
class WatchTest {
    @TempDir
    Path dir;

    private static final String PROJECT = """
            services:
              web:
                build: .
                volumes: ["./shared:/shared"]
                develop:
                  watch:
                    - path: ./src
                      action: sync
                      target: /app/src
                      ignore: ["*.tmp", "cache/"]
                    - path: ./Dockerfile
                      action: rebuild
                    - path: ./shared
                      action: sync
                      target: /shared
              db:
                image: busybox:latest
                develop:
                  watch:
                    - path: ./db
                      action: sync
                      target: /db
              plain:
                image: busybox:latest
            """;

    @Test
    void servicesWithoutABuildAreLeftOutUnlessNamedAndBindMountedPathsAreNotWatched() {
        Project p = Projects.load("p", PROJECT);
        List<String> warnings = new ArrayList<>();

        List<WatchedService> watched = WatchConfig.of(p, List.of(), warnings::add);

        assertThat(watched).extracting(WatchedService::service).containsExactly("web");
        assertThat(watched.get(0).rules()).extracting(WatchedService.Rule::action).containsExactly("sync", "rebuild");
        assertThat(warnings).singleElement().asString().startsWith("path '").endsWith("/shared' also declared by a "
                + "bind mount volume, this path won't be monitored!");
        assertThatThrownBy(() -> WatchConfig.of(p, List.of("db"), w -> { })).isInstanceOf(ComposeException.class)
                .hasMessage("can't watch service \"db\" without a build context");
        assertThatThrownBy(() -> WatchConfig.of(p, List.of("plain"), w -> { }))
                .hasMessage("none of the selected services is configured for watch, consider setting an 'develop' "
                        + "section");
    }

    @Test
    void aRebuildRuleNeedsABuildSection() {
        Project p = Projects.load("p", """
                services:
                  db:
                    image: busybox:latest
                    develop:
                      watch:
                        - path: ./db
                          action: rebuild
                """);

        assertThatThrownBy(() -> WatchConfig.of(p, List.of(), w -> { }))
                .hasMessage("can't watch service \"db\" with action rebuild without a build context");
    }

    @Test
    void aChangeIsMappedUnderTheTargetUnlessARuleTheDockerignoreOrAnEditorLeavesItOut() {
        Path context = dir;
        WatchedService.Rule sync = new WatchedService.Rule(context.resolve("src"), "sync", "/app/src",
                IgnorePatterns.of(List.of("*.tmp", "cache/")));
        WatchedService web = new WatchedService("web", List.of(sync), context, IgnorePatterns.of(List.of("src/secret")));

        assertThat(ProjectWatch.change(web, sync, context.resolve("src/a/b.txt")))
                .isEqualTo(new ProjectWatch.Change(context.resolve("src/a/b.txt"), "sync", "/app/src/a/b.txt"));
        assertThat(ProjectWatch.change(web, sync, context.resolve("src")).containerPath()).isEqualTo("/app/src");
        assertThat(ProjectWatch.change(web, sync, context.resolve("other.txt"))).isNull();
        assertThat(ProjectWatch.change(web, sync, context.resolve("src/x.tmp"))).isNull();
        assertThat(ProjectWatch.change(web, sync, context.resolve("src/cache/y"))).isNull();
        assertThat(ProjectWatch.change(web, sync, context.resolve("src/secret"))).isNull();
        for (String editor : List.of(".main.c.swp", "main.c~", ".#main.c", "#main.c#", "4913", "x___jb_tmp___",
                ".idea", ".idea/workspace.xml")) {
            assertThat(ProjectWatch.change(web, sync, context.resolve("src/" + editor))).as(editor).isNull();
        }
    }

    @Test
    void theTreeWatchReportsCreatedModifiedAndDeletedFilesAndWhatANewDirectoryHolds() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "1");
        Path alone = Files.writeString(dir.resolve("Dockerfile"), "FROM x");
        Files.writeString(dir.resolve("unwatched.txt"), "1");
        try (FileTreeWatch watch = new FileTreeWatch(List.of(src, alone))) {
            Files.writeString(src.resolve("a.txt"), "2");
            Path sub = Files.createDirectories(src.resolve("sub"));
            Files.writeString(sub.resolve("b.txt"), "b");
            Files.writeString(alone, "FROM y");
            Files.writeString(dir.resolve("unwatched.txt"), "2");
            Set<Path> seen = until(watch, Set.of(src.resolve("a.txt"), sub.resolve("b.txt"), alone));
            assertThat(seen).doesNotContain(dir.resolve("unwatched.txt"));

            Files.delete(src.resolve("a.txt"));
            assertThat(until(watch, Set.of(src.resolve("a.txt")))).contains(src.resolve("a.txt"));
        }
    }

    @Test
    void aPathCreatedAfterTheWatchStartedIsWatchedFromThen() throws Exception {
        Path late = dir.resolve("late");
        try (FileTreeWatch watch = new FileTreeWatch(List.of(late))) {
            Files.createDirectories(late);
            until(watch, Set.of(late));
            Files.writeString(late.resolve("a.txt"), "1");
            until(watch, Set.of(late.resolve("a.txt")));
        }
    }

    /** What the watch reports until it has reported all of {@code expected} (10 s at most). */
    private static Set<Path> until(FileTreeWatch watch, Set<Path> expected) throws InterruptedException, IOException {
        Set<Path> seen = new LinkedHashSet<>();
        long end = System.nanoTime() + 10_000_000_000L;
        while (!seen.containsAll(expected) && System.nanoTime() < end) {
            seen.addAll(watch.poll(200));
        }
        assertThat(seen).containsAll(expected);
        return seen;
    }
}
