package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.registry.RegistryClient;
import dev.kiln.registry.RegistryConfig;
import dev.kiln.registry.auth.RegistryCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code kiln login}: checks a user name and password against the registry, then stores them
 * where docker keeps them (its credential helper, else {@code config.json}), so either tool can use them.
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Log in to a registry (docker.io by default).")
public final class LoginCommand implements Callable<Integer> {
    @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "User name (asked for on a terminal if missing).")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "Password or access token; prefer --password-stdin, which keeps it out of the process list.")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Option(names = "--insecure", description = "Talk plain HTTP to SERVER (loopback registries always are).")
    boolean insecure;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER",
            description = "The registry, e.g. 127.0.0.1:5000 (default: docker.io).")
    String server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var registry = LoginServer.of(server);
        var credential = credential(spec.commandLine().getErr());
        var config = RegistryConfig.load();
        var options = RegistryClient.Options.defaults().withConfig(insecure ? config.withInsecure(registry) : config);
        RegistryClient.verifyLogin(registry, credential, options);
        DockerConfigLocation.credentials().store(registry, credential);
        spec.commandLine().getOut().println("Login Succeeded");
        return 0;
    }

    private RegistryCredential credential(PrintWriter err) {
        if (passwordStdin && password != null) {
            throw new KilnException("--password and --password-stdin are mutually exclusive; give only one");
        }
        if (passwordStdin && username == null) {
            throw new KilnException("--password-stdin needs the user name in --username (-u)");
        }
        if (password != null) {
            err.println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        }
        var user = username != null ? username : ask("Username: ", "user name", "-u USER");
        var secret = passwordStdin ? readStdin(System.in) : password != null ? password : askSecret();
        if (user.isBlank()) {
            throw new KilnException("the user name is empty; give it with -u USER");
        }
        if (secret.isEmpty()) {
            throw new KilnException("the password is empty; give it with --password-stdin or -p");
        }
        return RegistryCredential.basic(user, secret);
    }

    /** The password piped in, without the line end {@code echo} adds (as docker reads it). */
    static String readStdin(InputStream in) {
        try {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new KilnException("cannot read the password from standard input: " + e.getMessage(), e);
        }
    }

    private static String ask(String prompt, String what, String flag) {
        var console = System.console();
        var answer = console == null ? null : console.readLine(prompt);
        if (answer == null) {
            throw new KilnException("no " + what + " given and no terminal to ask on; pass " + flag);
        }
        return answer.strip();
    }

    private static String askSecret() {
        var console = System.console();
        var answer = console == null ? null : console.readPassword("Password: ");
        if (answer == null) {
            throw new KilnException("no password given and no terminal to ask on; pass --password-stdin or -p");
        }
        return new String(answer);
    }
}
