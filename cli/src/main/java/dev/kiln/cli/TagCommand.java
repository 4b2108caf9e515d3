package dev.kiln.cli;

import dev.kiln.store.Store;
import dev.kiln.transport.LocalImages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kiln tag SOURCE TARGET}: another name for an image in the local store. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE.")
public final class TagCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SOURCE_IMAGE[:TAG]", description = "An image name or ID.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET_IMAGE[:TAG]", description = "The new name.")
    String target;

    @Override
    public Integer call() {
        Store store = CliEnvironment.openStore();
        store.names().put(target, LocalImages.resolve(store, source));
        return 0;
    }
}
