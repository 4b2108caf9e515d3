package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.image.ImageReference;
import dev.kiln.transport.ArchiveLoader;
import dev.kiln.transport.LoadedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln load -i FILE}: images from a docker or OCI archive (plain or compressed) into the local store. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load images from a docker-archive or OCI archive into the local store.")
public final class LoadCommand implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "Read from this tar archive.")
    Path input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(input)) {
            throw new KilnException("cannot load " + input + ": no such file");
        }
        var images = ArchiveLoader.load(CliEnvironment.openStore(), input);
        if (!quiet) {
            var out = spec.commandLine().getOut();
            for (LoadedImage image : images) {
                for (ImageReference name : image.names()) {
                    out.println("Loaded image: " + name.familiar());
                }
            }
            out.flush();
        }
        return 0;
    }
}
