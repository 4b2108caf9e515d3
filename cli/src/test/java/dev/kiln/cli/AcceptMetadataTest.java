package dev.kiln.cli;

import static dev.kiln.cli.Acceptance.kilnWith;
import static dev.kiln.cli.Acceptance.skopeoCopyAndUnpack;
import static dev.kiln.cli.Acceptance.tool;
import static dev.kiln.cli.Acceptance.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, "checked by" 1, the metadata half: every metadata instruction lands in the config
 * (read back by skopeo) exactly as BuildKit's dockerfile2llb writes it — values, history
 * {@code created_by} texts, {@code empty_layer}, the default PATH, ArgsEscaped, the CMD reset
 * rule — and ONBUILD triggers run both from a base stage and from a base image in the store.
 */
class AcceptMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EPOCH = "1700000000";
    private static final String CREATED = "2023-11-14T22:13:20Z";
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    @TempDir
    Path tmp;

    @Test
    void theConfigAndHistoryAreBuildKitsAndOnbuildTriggersRunInLaterBuilds() throws IOException {
        var home = tmp.resolve("home");
        Acceptance.importBusybox(home, tmp);
        var env = Map.of("KILN_HOME", home.toString(), "SOURCE_DATE_EPOCH", EPOCH);
        var context = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(context.resolve("trigger.txt"), "from the base stage's ONBUILD\n");
        Files.writeString(context.resolve("onbuild.txt"), "from the image's ONBUILD\n");
        Files.writeString(context.resolve("Dockerfile"), """
                FROM busybox AS base
                ONBUILD COPY trigger.txt /from-trigger/
                ONBUILD LABEL triggered=yes
                LABEL base=1

                FROM base AS child
                ARG VERSION=1.0
                ENV APP_VERSION=$VERSION PATH=/opt/bin:$PATH
                LABEL org.example.version="$VERSION" "with space"="a b"
                MAINTAINER Jane Doe <jane@example.com>
                EXPOSE 8080 53/udp
                ENTRYPOINT ["/bin/app"]
                CMD ["--serve"]
                USER app:staff
                VOLUME ["/data", "/cache"]
                STOPSIGNAL SIGQUIT
                HEALTHCHECK --interval=30s --timeout=3s --retries=2 CMD /bin/true
                SHELL ["/bin/sh", "-ec"]
                WORKDIR app
                ONBUILD COPY onbuild.txt /onbuild/
                CMD echo "shell form"
                """);
        ok(kilnWith(env, "build", "-t", "meta:1", "--progress", "plain", context.toString()));

        var config = config(home, "meta:1");
        assertThat(config.path("created").asText()).isEqualTo(CREATED);
        assertThat(config.path("author").asText()).isEqualTo("Jane Doe <jane@example.com>");
        assertThat(config.path("config")).isEqualTo(JSON.readTree("""
                {"User": "app:staff",
                 "ExposedPorts": {"53/udp": {}, "8080/tcp": {}},
                 "Env": ["PATH=/opt/bin:%s", "APP_VERSION=1.0"],
                 "Entrypoint": ["/bin/app"],
                 "Cmd": ["/bin/sh", "-ec", "echo \\"shell form\\""],
                 "ArgsEscaped": true,
                 "Volumes": {"/cache": {}, "/data": {}},
                 "WorkingDir": "/app",
                 "Labels": {"base": "1", "triggered": "yes", "org.example.version": "1.0", "with space": "a b"},
                 "StopSignal": "SIGQUIT",
                 "Healthcheck": {"Test": ["CMD-SHELL", "/bin/true"], "Interval": 30000000000,
                                 "Timeout": 3000000000, "Retries": 2},
                 "OnBuild": ["COPY onbuild.txt /onbuild/"],
                 "Shell": ["/bin/sh", "-ec"]}
                """.formatted(DEFAULT_PATH)));
        var history = config.path("history");
        assertThat(history.get(0).path("comment").asText()).startsWith("Imported from");
        assertThat(history).hasSize(18);
        assertThat(history.get(1)).isEqualTo(entry("LABEL base=1", true));
        assertThat(history.get(2)).isEqualTo(entry("COPY trigger.txt /from-trigger/ # buildkit", false));
        assertThat(history.get(3)).isEqualTo(entry("LABEL triggered=yes", true));
        assertThat(history.get(4)).isEqualTo(entry("ARG VERSION=1.0", true));
        assertThat(history.get(5)).isEqualTo(entry("ENV APP_VERSION=1.0 PATH=/opt/bin:" + DEFAULT_PATH, true));
        assertThat(history.get(6)).isEqualTo(entry("LABEL org.example.version=1.0 with space=a b", true));
        assertThat(history.get(7)).isEqualTo(entry("MAINTAINER Jane Doe <jane@example.com>", true));
        assertThat(history.get(8)).isEqualTo(entry("EXPOSE [53/udp 8080/tcp]", true));
        assertThat(history.get(9)).isEqualTo(entry("ENTRYPOINT [\"/bin/app\"]", true));
        assertThat(history.get(10)).isEqualTo(entry("CMD [\"--serve\"]", true));
        assertThat(history.get(11)).isEqualTo(entry("USER app:staff", true));
        assertThat(history.get(12)).isEqualTo(entry("VOLUME [/data /cache]", true));
        assertThat(history.get(13)).isEqualTo(entry("STOPSIGNAL SIGQUIT", true));
        assertThat(history.get(14)).isEqualTo(entry("HEALTHCHECK {Test:[CMD-SHELL /bin/true] Interval:30s Timeout:3s "
                + "StartPeriod:0s StartInterval:0s Retries:2}", true));
        assertThat(history.get(15)).isEqualTo(entry("SHELL [/bin/sh -ec]", true));
        assertThat(history.get(16)).isEqualTo(entry("WORKDIR /app", false));
        assertThat(history.get(17)).isEqualTo(entry("CMD [\"/bin/sh\" \"-ec\" \"echo \\\"shell form\\\"\"]", true));
        assertThat(config.path("rootfs").path("diff_ids")).hasSize(3);

        Files.writeString(context.resolve("Dockerfile"), "FROM meta:1\nENTRYPOINT [\"/other\"]\n");
        ok(kilnWith(env, "build", "-t", "meta:2", "--progress", "plain", context.toString()));
        var consumer = config(home, "meta:2");
        var c = consumer.path("config");
        assertThat(c.has("OnBuild")).as("triggers are used up").isFalse();
        assertThat(c.has("Cmd")).as("ENTRYPOINT resets an inherited CMD").isFalse();
        assertThat(c.path("Entrypoint")).isEqualTo(JSON.readTree("[\"/other\"]"));
        assertThat(c.path("WorkingDir").asText()).isEqualTo("/app");
        var consumerHistory = consumer.path("history");
        assertThat(consumerHistory).hasSize(20);
        assertThat(consumerHistory.get(18)).isEqualTo(entry("COPY onbuild.txt /onbuild/ # buildkit", false));
        assertThat(consumerHistory.get(19)).isEqualTo(entry("ENTRYPOINT [\"/other\"]", true));

        var files = tree(skopeoCopyAndUnpack("oci:" + home + ":meta:2", tmp.resolve("unpacked")));
        assertThat(files)
                .containsEntry("from-trigger/trigger.txt", "file 0644 0:0 from the base stage's ONBUILD\n")
                .containsEntry("onbuild/onbuild.txt", "file 0644 0:0 from the image's ONBUILD\n")
                .containsEntry("app", "dir 0755 1000:50");
    }

    private static void ok(MainTest.Result result) {
        assertThat(result.code()).as(result.err()).isZero();
    }

    private static JsonNode config(Path home, String name) throws IOException {
        return JSON.readTree(tool("skopeo", "inspect", "--config", "--raw", "oci:" + home + ":" + name));
    }

    private static JsonNode entry(String createdBy, boolean empty) throws IOException {
        var node = JSON.createObjectNode().put("created", CREATED).put("created_by", createdBy)
                .put("comment", "buildkit.dockerfile.v0");
        return empty ? node.put("empty_layer", true) : node;
    }
}
