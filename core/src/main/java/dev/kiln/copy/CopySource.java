package dev.kiln.copy;

import java.nio.file.Path;
import java.util.Objects;

/** What a COPY reads from. Both are read-only views on disk. */
public sealed interface CopySource {
    Path root();

    /** The build context directory; {@code filter} is its {@code .dockerignore}. Files get owner 0:0. */
    record Context(Path root, ContextFilter filter) implements CopySource {
        public Context {
            Objects.requireNonNull(root, "root");
            filter = filter == null ? ContextFilter.NONE : filter;
        }
    }

    /** The root filesystem of another stage or image ({@code COPY --from}). Owners are kept. */
    record StageRoot(Path root) implements CopySource {
        public StageRoot {
            Objects.requireNonNull(root, "root");
        }
    }
}
