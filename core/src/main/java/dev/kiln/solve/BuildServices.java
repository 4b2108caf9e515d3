package dev.kiln.solve;

import dev.kiln.exec.Executor;
import dev.kiln.exec.Executors;
import dev.kiln.image.MediaType;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.registry.RegistryClient;
import dev.kiln.snapshot.LayerSnapshots;
import dev.kiln.snapshot.Snapshotter;
import dev.kiln.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What every step of a build uses: the store, unpacked layers, snapshots, the executor (chosen
 * once, on first RUN), the layer writer settings and the time written into the image.
 */
public final class BuildServices {
    private final Store store;
    private final LayerSnapshots snapshots;
    private final Snapshotter snapshotter;
    private final Path workRoot;
    private final LayerOptions layerOptions;
    private final Consumer<String> notices;
    private final BuildCache cache;
    private final RegistryClient.Options registryOptions;
    private Executor executor;
    private RegistryClient registry;
    private final String runtime;

    public BuildServices(Store store, LayerOptions layerOptions, Snapshotter.Strategy strategy, Consumer<String> notices) {
        this(store, layerOptions, strategy, null, notices, RegistryClient.Options.defaults());
    }

    /**
     * @param runtime the OCI runtime for RUN steps ({@code runc}, {@code crun}, a path, or {@code chroot});
     *                null picks one as {@link Executors#detect} does ({@code KILN_RUNTIME}, runc, crun, chroot)
     */
    public BuildServices(Store store, LayerOptions layerOptions, Snapshotter.Strategy strategy, String runtime,
                         Consumer<String> notices, RegistryClient.Options registryOptions) {
        this.registryOptions = registryOptions;
        this.runtime = runtime;
        this.store = store;
        this.layerOptions = layerOptions;
        this.notices = notices;
        this.workRoot = directory(store.root().resolve("tmp"));
        this.snapshots = new LayerSnapshots(directory(store.root().resolve("snapshots")), store.blobs());
        this.snapshotter = new Snapshotter(workRoot, strategy, notices);
        this.snapshotter.reclaimStale();
        this.cache = new BuildCache(store.root().resolve("cache"), store.blobs());
    }

    BuildCache cache() {
        return cache;
    }

    public Store store() {
        return store;
    }

    LayerSnapshots snapshots() {
        return snapshots;
    }

    Snapshotter snapshotter() {
        return snapshotter;
    }

    Path workRoot() {
        return workRoot;
    }

    /**
     * The writer for a step's layer: compressed as asked for a stage whose image is exported, plain
     * tar for the other stages (their layers are only unpacked again, so compressing them is wasted
     * work; the final image's commit compresses any it inherits).
     */
    LayerWriter layerWriter(boolean exported) {
        var writer = new LayerWriter(store.blobs(), layerOptions);
        return exported ? writer : writer.withCompression(MediaType.Compression.NONE);
    }

    /** The compression the exported image's layers get. */
    MediaType.Compression compression() {
        return layerOptions.compression();
    }

    /** The time in the config and history: SOURCE_DATE_EPOCH, or 0, so the same inputs give the same image. */
    Instant created() {
        return Instant.ofEpochSecond(layerOptions.mtimeEpochSeconds());
    }

    /** The registry client, made on first use (a build from local images never opens one). */
    synchronized RegistryClient registry() {
        if (registry == null) {
            registry = new RegistryClient(store, registryOptions);
        }
        return registry;
    }

    synchronized Executor executor() {
        if (executor == null) {
            executor = runtime == null ? Executors.detect(workRoot, notices)
                    : Executors.choose(runtime, System.getenv("PATH"), workRoot, notices);
        }
        return executor;
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
