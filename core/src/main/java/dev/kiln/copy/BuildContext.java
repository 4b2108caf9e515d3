package dev.kiln.copy;

import dev.kiln.dockerfile.ignore.DockerIgnore;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The build context: its directory, what its {@code .dockerignore} leaves out (read once per
 * build), and its stat {@link ContextFingerprint}, taken once. {@link #walkInBackground} starts that
 * walk as soon as the build starts, so it runs on a spare core while the CLI parses, plans and
 * opens the store instead of after them.
 */
public final class BuildContext {
    private final Path root;
    private final List<String> ignorePatterns;
    private final ContextFilter filter;
    private final FutureTask<ContextFingerprint> fingerprint;

    private BuildContext(Path root, List<String> ignorePatterns, ContextFilter filter) {
        this.root = root;
        this.ignorePatterns = ignorePatterns;
        this.filter = filter;
        this.fingerprint = new FutureTask<>(() -> ContextFingerprint.of(root, filter));
    }

    /** The context at {@code root}, filtered by {@code <dockerfile>.dockerignore} or {@code .dockerignore} (dockerfile may be null). */
    public static BuildContext open(Path root, Path dockerfile) {
        var ignore = DockerIgnore.read(root, dockerfile);
        return new BuildContext(root, ignore.patterns(), ContextFilter.of(ignore.matcher()));
    }

    public Path root() {
        return root;
    }

    public ContextFilter filter() {
        return filter;
    }

    /** The .dockerignore patterns as written, for the build checks that read them. */
    public List<String> ignorePatterns() {
        return ignorePatterns;
    }

    /** Starts taking the fingerprint on a daemon thread; {@link #fingerprint} then waits for it. */
    public BuildContext walkInBackground() {
        Thread.ofPlatform().daemon().name("kiln-context-walk").start(fingerprint);
        return this;
    }

    /** The context's fingerprint: the background walk's, or one taken now when none was started. */
    public ContextFingerprint fingerprint() {
        fingerprint.run(); // no-op once started elsewhere
        try {
            return fingerprint.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new CopyException("cannot read the build context " + root + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopyException("interrupted while reading the build context " + root, e);
        }
    }
}
