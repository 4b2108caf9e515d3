package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageReference;
import dev.kiln.store.ImageNames;
import dev.kiln.store.Store;
import dev.kiln.transport.ArchiveImage;
import dev.kiln.transport.ImageArchive;
import dev.kiln.transport.LocalImages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln save -o FILE IMAGE...}: a docker archive (OCI layout plus manifest.json) that
 * {@code docker load} and {@code kiln load} read. A name keeps that name; an image ID saves the
 * image with all its names.
 */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = "Save one or more images to a tar archive (docker-archive, also an OCI layout).")
public final class SaveCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Write to this file.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image names or IDs.")
    List<String> images;

    @Override
    public Integer call() {
        Store store = CliEnvironment.openStore();
        List<ArchiveImage> archived = new ArrayList<>();
        for (String image : images) {
            Descriptor target = LocalImages.resolve(store, image);
            archived.add(new ArchiveImage(target, namesFor(store, image, target)));
        }
        Path absolute = output.toAbsolutePath();
        Path temp = absolute.resolveSibling(".tmp-" + absolute.getFileName() + "-" + UUID.randomUUID());
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                ImageArchive.write(store.blobs(), archived, ImageArchive.Format.DOCKER, out);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KilnException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            temp.toFile().delete();
        }
        return 0;
    }

    private static List<ImageReference> namesFor(Store store, String given, Descriptor target) {
        try {
            if (store.names().get(given).isPresent()) {
                return List.of(ImageNames.parse(given));
            }
        } catch (KilnException e) {
            // an image ID, not a name
        }
        return LocalImages.namesOf(store, target);
    }
}
