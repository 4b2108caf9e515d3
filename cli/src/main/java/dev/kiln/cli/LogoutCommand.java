package dev.kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kiln logout [SERVER]}: forgets the credential {@code kiln login} (or {@code docker login}) stored. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Log out from a registry (docker.io by default).")
public final class LogoutCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER", description = "The registry, e.g. 127.0.0.1:5000.")
    String server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var registry = LoginServer.of(server);
        var out = spec.commandLine().getOut();
        if (DockerConfigLocation.credentials().erase(registry)) {
            out.println("Removing login credentials for " + registry);
        } else {
            out.println("Not logged in to " + registry);
        }
        return 0;
    }
}
