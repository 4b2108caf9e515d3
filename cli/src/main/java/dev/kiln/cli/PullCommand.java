package dev.kiln.cli;

import dev.kiln.image.ImageReference;
import dev.kiln.image.Platform;
import dev.kiln.registry.PulledImage;
import dev.kiln.registry.RegistryClient;
import dev.kiln.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code kiln pull NAME}: fetches an image into the local store; prints its manifest digest. */
@Command(name = "pull", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Download an image from a registry into the local store and print its digest.")
public final class PullCommand implements Callable<Integer> {
    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "Which image of a multi-platform index to take (default: the machine's).")
    String platform;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "NAME", description = "The image, e.g. alpine:3 or 127.0.0.1:5000/app:1.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var reference = ImageReference.parse(name);
        var wanted = platform == null ? Platform.current().normalized() : Platform.parse(platform).normalized();
        err.println("Pulling " + reference + " for " + wanted);
        err.flush();
        try (var client = new RegistryClient(CliEnvironment.openStore(), registry.clientOptions())) {
            var pulled = client.pull(reference, wanted);
            report(pulled, err);
            spec.commandLine().getOut().println(pulled.manifestDigest());
        }
        return 0;
    }

    private static void report(PulledImage pulled, PrintWriter err) {
        long total = pulled.manifest().config().size();
        for (var layer : pulled.manifest().layers()) {
            err.println("  layer " + layer.digest() + " (" + layer.size() + " bytes)");
            total += layer.size();
        }
        err.println("Pulled " + pulled.reference() + " (" + pulled.platform() + "): "
                + pulled.manifest().layers().size() + " layers, " + total + " bytes");
        err.flush();
    }
}
