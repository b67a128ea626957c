package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pull policies, {@code compose pull}, {@code compose push} and {@code down --rmi} against the loopback registry
 * {@code 127.0.0.1:5000}. Every image the tests touch is under a repository of their own
 * ({@code 127.0.0.1:5000/c4j-pull-<random>/...}), so nothing another test or helper uses is ever removed.
 */
@RequiresDocker
@Timeout(300)
class ImagesIT {
    private static final String SOURCE = "127.0.0.1:5000/busybox:latest";
    private static final String REPO = "127.0.0.1:5000/" + ItProject.uniqueName("c4j-pull");
    /** Pushed to the registry by {@link #publish()}, absent locally at the start of each test. */
    private static final List<String> REMOTE = List.of(REPO + "/one:1", REPO + "/two:1", REPO + "/three:1");
    private static String sourceId;
    private static String otherId;

    @TempDir
    Path tmp;
    ItProject project;
    private final List<String> madeLocally = new ArrayList<>();

    @BeforeAll
    static void publish() throws IOException {
        sourceId = DockerCli.ok("image", "inspect", "--format", "{{.Id}}", SOURCE);
        for (String image : REMOTE) {
            DockerCli.ok("tag", SOURCE, image);
            DockerCli.ok("push", "-q", image);
            DockerCli.ok("rmi", image);
        }
        otherId = importedImage(REPO + "/other:1");
    }

    @AfterAll
    static void unpublishLocally() {
        DockerCli.run("rmi", "-f", REPO + "/other:1");
    }

    @AfterEach
    void cleanUp() {
        if (project != null) {
            project.close();
        }
        for (String image : REMOTE) {
            DockerCli.run("rmi", image);
        }
        madeLocally.forEach(i -> DockerCli.run("rmi", i));
    }

    @Test
    void upPullsAMissingImage() {
        project = ItProject.create(tmp, service("web", REMOTE.get(0), ""));

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).as(up.err()).isZero();
        assertThat(imageId(REMOTE.get(0))).isEqualTo(sourceId);
        assertThat(up.err()).contains("web Pulled");
    }

    @Test
    void policyNeverFailsOnAMissingImageWithoutPulling() {
        project = ItProject.create(tmp, service("web", REMOTE.get(0), "never"));

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).containsIgnoringCase("No such image: " + REMOTE.get(0));
        assertThat(imageId(REMOTE.get(0))).isEmpty();
    }

    @Test
    void policyAlwaysReplacesALocalImageByTheRegistrysOne() {
        localCopy(REMOTE.get(1), otherId);
        project = ItProject.create(tmp, service("web", REMOTE.get(1), "always"));

        project.composeOk("up", "-d");

        assertThat(imageId(REMOTE.get(1))).isEqualTo(sourceId);
    }

    @Test
    void policyMissingKeepsALocalImage() {
        localCopy(REMOTE.get(1), otherId);
        project = ItProject.create(tmp, service("web", REMOTE.get(1), "missing"));

        project.composeOk("up", "-d", "--no-start");

        assertThat(imageId(REMOTE.get(1))).isEqualTo(otherId);
    }

    @Test
    void upPullAlwaysOverridesThePolicy() {
        localCopy(REMOTE.get(1), otherId);
        project = ItProject.create(tmp, service("web", REMOTE.get(1), "never"));

        project.composeOk("up", "-d", "--no-start", "--pull", "always");

        assertThat(imageId(REMOTE.get(1))).isEqualTo(sourceId);
    }

    @Test
    void composePullPullsEveryServicesImage() {
        project = ItProject.create(tmp, service("a", REMOTE.get(0), "") + service("b", REMOTE.get(1), "").substring(9)
                + service("c", REMOTE.get(2), "").substring(9));

        ItProject.Run pull = project.compose("--progress", "plain", "pull");

        assertThat(pull.code()).as(pull.err()).isZero();
        for (String image : REMOTE) {
            assertThat(imageId(image)).as(image).isEqualTo(sourceId);
        }
        assertThat(pull.err()).contains(" a Pulled", " b Pulled", " c Pulled");
    }

    @Test
    void composePullFailsOnAMissingTagWithComposesExitCode() {
        project = ItProject.create(tmp, service("gone", REPO + "/never-pushed:1", ""));

        ItProject.Run pull = project.compose("--progress", "plain", "pull");

        assertThat(pull.code()).isEqualTo(18);
        assertThat(pull.err()).contains(" gone Error manifest for " + REPO + "/never-pushed:1 not found");
    }

    @Test
    void composePullIgnoresFailuresWhenAsked() {
        project = ItProject.create(tmp, service("gone", REPO + "/never-pushed:1", "")
                + service("a", REMOTE.get(0), "").substring(9));

        ItProject.Run pull = project.compose("--progress", "plain", "pull", "--ignore-pull-failures");

        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(imageId(REMOTE.get(0))).isEqualTo(sourceId);
    }

    @Test
    void pushThenPullBack() {
        String pushed = REPO + "/pushed:1";
        localCopy(pushed, otherId);
        project = ItProject.create(tmp, """
                services:
                  app:
                    build: .
                    image: %s
                """.formatted(pushed));

        project.composeOk("push");
        DockerCli.ok("rmi", pushed);
        project.composeOk("pull");

        assertThat(imageId(pushed)).isEqualTo(otherId);
    }

    @Test
    void pushReportsAStreamErrorOfTheEngine() {
        project = ItProject.create(tmp, """
                services:
                  app:
                    build: .
                    image: %s/not-local:1
                """.formatted(REPO));

        ItProject.Run push = project.compose("push");

        assertThat(push.code()).isEqualTo(1);
        assertThat(push.err()).contains("An image does not exist locally with the tag: " + REPO + "/not-local");
    }

    @Test
    void downRmiLocalRemovesOnlyTheImagesComposeWouldBuild() {
        localCopy(REMOTE.get(0), sourceId);
        project = ItProject.create(tmp, service("named", REMOTE.get(0), "") + """
                  built:
                    build: .
                    command: ["sleep", "3600"]
                """);
        String built = project.name + "-built";
        localCopy(built, sourceId);
        project.composeOk("up", "-d");

        ItProject.Run down = project.compose("-f", "compose.yaml", "--progress", "plain", "down", "--rmi", "local", "-t", "0");

        assertThat(down.code()).as(down.err()).isZero();
        assertThat(imageId(built)).isEmpty();
        assertThat(imageId(REMOTE.get(0))).isEqualTo(sourceId);
        assertThat(down.err()).contains(" Image " + built + ":latest  Removed");
    }

    @Test
    void downRmiAllAlsoRemovesTheNamedImages() {
        localCopy(REMOTE.get(0), sourceId);
        project = ItProject.create(tmp, service("named", REMOTE.get(0), ""));
        project.composeOk("up", "-d");

        project.composeOk("-f", "compose.yaml", "down", "--rmi", "all", "-t", "0");

        assertThat(imageId(REMOTE.get(0))).isEmpty();
        assertThat(imageId(SOURCE)).isEqualTo(sourceId);
    }

    @Test
    void downRmiLeavesAnImageAnotherContainerStillUses() throws IOException {
        String only = REPO + "/in-use:1";
        localCopy(only, importedImage(only));
        String user = ItProject.uniqueName("c4j-pull-user");
        DockerCli.ok("create", "--name", user, only, "/x");
        try {
            project = ItProject.create(tmp, service("named", only, "never"));

            ItProject.Run down = project.compose("-f", "compose.yaml", "--progress", "plain", "down", "--rmi", "all");

            assertThat(down.code()).as(down.err()).isZero();
            assertThat(down.err()).contains(" Image " + only + "  Resource is still in use");
            assertThat(imageId(only)).isNotEmpty();
        } finally {
            DockerCli.run("rm", "-f", user);
            DockerCli.run("rmi", "-f", only);
        }
    }

    private static String service(String name, String image, String policy) {
        return "services:\n  " + name + ":\n    image: " + image + "\n    command: [\"sleep\", \"3600\"]\n"
                + "    stop_signal: SIGKILL\n" + (policy.isEmpty() ? "" : "    pull_policy: " + policy + "\n");
    }

    private void localCopy(String name, String imageId) {
        DockerCli.ok("tag", imageId, name);
        madeLocally.add(name);
    }

    private static String imageId(String reference) {
        DockerCli.Result r = DockerCli.run("image", "inspect", "--format", "{{.Id}}", reference);
        return r.code() == 0 ? r.out().trim() : "";
    }

    /** An image of its own (one file), so that it differs from the registry's. */
    private static String importedImage(String name) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        byte[] header = new byte[512];
        byte[] content = ("c4j " + name + "\n").getBytes(StandardCharsets.UTF_8);
        put(header, 0, "x");
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        tar.write(header);
        tar.write(content);
        tar.write(new byte[512 - content.length]);
        tar.write(new byte[1024]);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("c4j-pull", ".tar");
        try {
            java.nio.file.Files.write(file, tar.toByteArray());
            return DockerCli.ok("import", file.toString(), name);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
