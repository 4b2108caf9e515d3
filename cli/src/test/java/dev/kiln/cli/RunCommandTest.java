package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    @TempDir
    Path home;

    @Test
    void everythingAfterTheImageIsTheCommand() {
        var root = new KilnCommand();
        String[] args = {"run", "--rm", "-e", "A=1", "-u", "app", "-w", "/tmp", "--network", "none", "busybox",
            "ls", "-l", "--all"};
        var parsed = Subcommands.commandLine(root, args).parseArgs(args);
        var run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(run.image).isEqualTo("busybox");
        assertThat(run.command).containsExactly("ls", "-l", "--all");
        assertThat(run.env).containsExactly("A=1");
        assertThat(run.user).isEqualTo("app");
        assertThat(run.workdir).isEqualTo("/tmp");
        assertThat(run.network).isEqualTo(RunCommand.Network.none);
        assertThat(run.remove).isTrue();
    }

    @Test
    void aMissingImageIsAClearError() {
        // not in the store, so kiln run pulls it, as docker run does: from a loopback port with no registry
        var result = MainTest.runWithStore(home, "run", "127.0.0.1:9/no-such-image", "true");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("127.0.0.1:9").doesNotContain("\tat ");
    }

    @Test
    void buildAcceptsSecretAndSshFlags() throws java.io.IOException {
        java.nio.file.Files.writeString(home.resolve("Dockerfile"), "FROM scratch\n");
        var result = MainTest.run("build", "--secret", "id=a", "--ssh", "x=/nonexistent", "--dry-run",
                home.toString());
        assertThat(result.code()).as(result.err()).isZero();
    }
}
