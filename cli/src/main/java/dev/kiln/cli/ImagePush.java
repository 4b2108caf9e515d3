package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageReference;
import dev.kiln.registry.RegistryClient;
import dev.kiln.store.Store;

import java.io.PrintWriter;
import java.util.List;

/** Pushing images of the local store ({@code kiln push}, {@code kiln build --push}), a line each on stderr. */
final class ImagePush {
    private ImagePush() {}

    static Digest push(RegistryClient client, String localName, ImageReference target, PrintWriter err) {
        err.println("Pushing " + localName + (ImageReference.parse(localName).equals(target) ? "" : " to " + target));
        var digest = client.push(localName, target);
        err.println(target + ": digest: " + digest);
        err.flush();
        return digest;
    }

    /** {@code build --push} without a name to push to is an error, found before the build starts. */
    static void requireTags(boolean push, List<String> tags) {
        if (push && tags.isEmpty()) {
            throw new KilnException("--push needs a name to push to: add -t REGISTRY/REPOSITORY[:TAG], "
                    + "e.g. -t 127.0.0.1:5000/app:1");
        }
    }

    /** {@code build --push}: each {@code -t} name goes to the registry it names. */
    static void pushTags(List<String> tags, RegistryOptions registry, PrintWriter err) {
        var targets = tags.stream().map(ImageReference::parse).toList();
        var store = CliEnvironment.openStore();
        try (var client = new RegistryClient(store, registry.clientOptions())) {
            for (int i = 0; i < tags.size(); i++) {
                push(client, tags.get(i), targets.get(i), err);
            }
        }
    }
}
