package dev.kiln.cli;

import dev.kiln.image.ImageReference;
import dev.kiln.registry.RegistryClient;
import dev.kiln.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kiln push NAME [REF]}: uploads an image of the local store; prints the pushed digest. */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Upload an image of the local store to a registry and print its digest.")
public final class PushCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "NAME", description = "The image in the local store, e.g. app:1.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REF",
            description = "Where to push it, e.g. 127.0.0.1:5000/app:1 (default: NAME).")
    String ref;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var target = ImageReference.parse(ref == null ? name : ref);
        ImageReference.parse(name); // a malformed local name fails here, before any connection
        try (var client = new RegistryClient(CliEnvironment.openStore(), registry.clientOptions())) {
            var digest = ImagePush.push(client, name, target, spec.commandLine().getErr());
            spec.commandLine().getOut().println(digest);
        }
        return 0;
    }
}
