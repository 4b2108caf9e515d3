package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.transport.LoadedImage;
import dev.kiln.transport.RootfsImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln import ROOTFS NAME}: a one-layer image from a root file system tar or folder, like {@code docker import}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Create an image from a root file system tar (plain or compressed) or folder.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ROOTFS", description = "A tar file or a folder.")
    Path source;

    @Parameters(index = "1", paramLabel = "NAME[:TAG]", description = "The new image's name.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.exists(source)) {
            throw new KilnException("cannot import " + source + ": no such file or folder");
        }
        LoadedImage image = RootfsImporter.importRootfs(CliEnvironment.openStore(), source, name, created());
        var out = spec.commandLine().getOut();
        out.println(image.id());
        out.flush();
        return 0;
    }

    /** Now, or SOURCE_DATE_EPOCH when set, so an import can be reproducible. */
    private static Instant created() {
        String epoch = CliEnvironment.get("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isBlank()) {
            return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
        } catch (NumberFormatException e) {
            throw new KilnException("SOURCE_DATE_EPOCH='" + epoch + "' is not a whole number of seconds since 1970");
        }
    }
}
