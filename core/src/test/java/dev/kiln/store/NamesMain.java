package dev.kiln.store;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.MediaType;
import java.nio.file.Path;

/** Run in forked JVMs by {@link CrossProcessNamesTest}: {@code <store> <prefix> <count>} puts count names. */
public final class NamesMain {
    public static void main(String[] args) {
        Store store = Store.open(Path.of(args[0]));
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            byte[] manifest = ("{\"n\":\"" + args[1] + i + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Descriptor d = store.blobs().write(manifest).descriptor(MediaType.OCI_MANIFEST);
            store.names().put(args[1] + i, d);
            if (!store.names().get(args[1] + i).map(Descriptor::digest).equals(java.util.Optional.of(Digest.of(manifest)))) {
                throw new AssertionError("lost my own name " + args[1] + i);
            }
        }
    }

    private NamesMain() {
    }
}
