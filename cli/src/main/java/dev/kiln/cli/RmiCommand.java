package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.image.ImageReference;
import dev.kiln.store.ImageNames;
import dev.kiln.store.Store;
import dev.kiln.transport.LocalImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln rmi NAME...}: removes names; an image ID removes every name of that image. The blobs
 * stay until {@code kiln prune}.
 */
@Command(name = "rmi", mixinStandardHelpOptions = true,
        description = "Remove image names (untag); kiln prune then frees their space.")
public final class RmiCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image names or IDs.")
    List<String> images;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Store store = CliEnvironment.openStore();
        var out = spec.commandLine().getOut();
        List<String> failures = new ArrayList<>();
        for (String image : images) {
            try {
                for (ImageReference name : namesToRemove(store, image)) {
                    if (store.names().remove(name.toString())) {
                        out.println("Untagged: " + name.familiar());
                    }
                }
            } catch (KilnException e) {
                failures.add(e.getMessage());
            }
        }
        out.flush();
        if (!failures.isEmpty()) {
            throw new KilnException(String.join("; ", failures));
        }
        return 0;
    }

    private static List<ImageReference> namesToRemove(Store store, String image) {
        try {
            ImageReference name = ImageNames.parse(image);
            if (store.names().get(image).isPresent()) {
                return List.of(name);
            }
        } catch (KilnException e) {
            // not a name: try it as an image ID
        }
        return LocalImages.namesOf(store, LocalImages.resolve(store, image));
    }
}
