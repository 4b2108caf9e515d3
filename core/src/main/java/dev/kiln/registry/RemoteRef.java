package dev.kiln.registry;

import dev.kiln.image.Digest;
import dev.kiln.image.ImageReference;
import java.util.Objects;

/**
 * What the client talks about: a registry ({@code host[:port]}, as the user names it, e.g.
 * {@code docker.io}), a repository path ({@code library/alpine}) and a tag or digest.
 */
public record RemoteRef(String registry, String repository, String reference) {

    public RemoteRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(reference, "reference");
        if (registry.isBlank() || repository.isBlank() || reference.isBlank()) {
            throw new RegistryException(registry, "use reference", 0,
                    "registry, repository and tag or digest must all be given", "e.g. 127.0.0.1:5000/app:1.0");
        }
    }

    /** Parses a docker-style name ({@code alpine}, {@code myreg:5000/app@sha256:…}); a digest wins over a tag. */
    public static RemoteRef parse(String name) {
        return of(ImageReference.parse(name));
    }

    public static RemoteRef of(ImageReference reference) {
        return new RemoteRef(reference.domain(), reference.path(), reference.manifestReference());
    }

    public boolean isDigest() {
        return reference.contains(":");
    }

    public Digest digest() {
        return Digest.parse(reference);
    }

    public RemoteRef withReference(String newReference) {
        return new RemoteRef(registry, repository, newReference);
    }

    /** The name under which a pulled image is kept in the local store. */
    public String storeName() {
        return registry + "/" + repository + (isDigest() ? "@" : ":") + reference;
    }

    @Override
    public String toString() {
        return storeName();
    }
}
