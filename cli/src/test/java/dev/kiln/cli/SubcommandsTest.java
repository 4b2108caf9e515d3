package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SubcommandsTest {
    @TempDir
    Path home;

    @Test
    void eachIsRegisteredUnderItsCommandName() {
        Subcommands.ALL.forEach((name, command) ->
                assertThat(command.get().getClass().getAnnotation(Command.class).name()).isEqualTo(name));
    }

    @Test
    void helpListsEverySubcommand() {
        var result = MainTest.run("--help");
        assertThat(result.code()).isZero();
        Subcommands.ALL.keySet().forEach(name -> assertThat(result.out()).containsPattern("(?m)^\\s+" + name + "\\s"));
    }

    @Test
    void anInvocationNamingOneGetsOnlyThatOne() {
        var cli = Subcommands.commandLine(new KilnCommand(), new String[] {"--debug", "images", "-q"});
        assertThat(cli.getSubcommands()).containsOnlyKeys("images");
    }

    @Test
    void versionAloneNeedsNone() {
        assertThat(Subcommands.commandLine(new KilnCommand(), new String[] {"--version"}).getSubcommands()).isEmpty();
        assertThat(MainTest.run("-V").out()).startsWith("kiln ");
    }

    @Test
    void anUnknownSubcommandIsSuggestedFromAll() {
        var result = MainTest.run("imags");
        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("imags").contains("images");
    }

    @Test
    void debugBeforeOrAfterTheSubcommandShowsTheStackTrace() throws Exception {
        Files.writeString(home.resolve("Dockerfile"), "FROM scratch\nNOPE x\n");
        for (var args : new String[][] {{"--debug", "build", home.toString()}, {"build", "--debug", home.toString()}}) {
            var result = MainTest.runWithStore(home.resolve("store"), args);
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).contains("Dockerfile:2").contains("\tat ");
        }
    }
}
