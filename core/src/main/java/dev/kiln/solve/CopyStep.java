package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.copy.ContextFilter;
import dev.kiln.copy.CopyOperation;
import dev.kiln.copy.CopyResult;
import dev.kiln.copy.CopySource;
import dev.kiln.copy.Destination;
import dev.kiln.copy.Downloads;
import dev.kiln.copy.StatCache;
import dev.kiln.copy.TreeDigest;
import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.instructions.Mount;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.image.Digest;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.internal.paths.RootedPaths;
import dev.kiln.plan.PlannedStep;
import dev.kiln.plan.StepSource;
import dev.kiln.plan.StepText;
import dev.kiln.snapshot.ActiveSnapshot;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * COPY and ADD: files from the context (after .dockerignore), another stage or an image, as one
 * layer. The step's key includes the digest of the selected files' content, names, modes and
 * owners, so a source that is rebuilt but yields the same files is still a cache hit. Read-only
 * views of stages are mounted only when a digest or the copy itself needs them.
 */
final class CopyStep {
    private final BuildOptions options;
    private final BuildServices services;
    private final StageResults stages;
    private final Function<String, BaseImages.Resolved> images;
    private final ContextFilter contextFilter;
    private final StatCache statCache;
    private final SelectionMemo memo;
    private volatile HttpClient http;

    CopyStep(BuildOptions options, BuildServices services, StageResults stages,
             Function<String, BaseImages.Resolved> images) {
        this.options = options;
        this.services = services;
        this.stages = stages;
        this.images = images;
        this.contextFilter = options.context().filter();
        var cacheRoot = services.store().root().resolve("cache");
        this.statCache = StatCache.load(cacheRoot.resolve("stat").resolve(
                CacheKey.root("context").add(options.context().root().toAbsolutePath().normalize().toString()).build()
                        .digest().hex() + ".tsv"));
        this.memo = new SelectionMemo(cacheRoot.resolve("selection"));
    }

    /** Saves what was learnt about the context's files for the next build. */
    void finish() {
        statCache.save();
    }

    /**
     * What a RUN's bind mounts read, for its cache key: a context directory by its content (through
     * the stat cache), a stage by its cache key, an image by its digest — each with its source path.
     */
    List<String> bindMountKeys(Run run, List<StepSource> sources) {
        var keys = new ArrayList<String>();
        var fromSources = sources.iterator();
        for (var mount : run.mounts()) {
            boolean hasFrom = switch (mount) {
                case Mount.Bind bind -> bind.from().isPresent();
                case Mount.Cache cache -> cache.from().isPresent();
                default -> false;
            };
            var source = hasFrom ? Optional.of(fromSources.next()) : Optional.<StepSource>empty();
            if (mount instanceof Mount.Bind bind) {
                var path = RootedPaths.clean(bind.source());
                keys.add(bind.target() + "=" + source.map(s -> resolve(s).key().toString())
                        .orElseGet(() -> TreeDigest.of(options.context().root(), path, contextFilter, statCache).toString())
                        + ":" + path);
            }
        }
        return keys;
    }

    /** A COPY or ADD with its inputs known: its key and history are known before it runs; close it after. */
    interface Prepared extends AutoCloseable {
        CacheKey key();

        String createdBy();

        LayerRef run(LayerWriter writer);

        @Override
        void close();
    }

    Prepared prepareCopy(Copy copy, PlannedStep step, ImageState state, StageConfig config, CacheKey parent) {
        var views = new Views();
        try {
            var text = StepText.of(copy);
            Supplier<CopySource> source;
            Digest selection;
            if (copy.from().isPresent()) {
                var from = resolve(copy, step.sources().getFirst());
                source = () -> new CopySource.StageRoot(views.of(from.image()).root());
                var memoKey = parent.child("selection").add(from.key().toString()).add(text).build();
                selection = memo.lookup(memoKey).orElseGet(() -> {
                    var digest = CopyOperation.selectionDigest(copy, source.get(),
                            digestDestination(copy.chown(), state, config, views), services.workRoot());
                    memo.record(memoKey, digest);
                    return digest;
                });
            } else {
                var context = context();
                source = () -> context;
                var fingerprint = options.context().fingerprint();
                var memoKey = parent.child("context-selection").add(fingerprint.digest().toString()).add(text).build();
                var known = fingerprint.racy() ? Optional.<Digest>empty() : memo.lookup(memoKey);
                selection = known.orElseGet(() -> {
                    var digest = CopyOperation.selectionDigest(copy, context,
                            digestDestination(copy.chown(), state, config, views), services.workRoot(), statCache);
                    if (!fingerprint.racy()) {
                        memo.record(memoKey, digest);
                    }
                    return digest;
                });
            }
            return prepared(views::close, parent.child("copy").add(text).add(selection.toString()).build(), history(copy),
                    () -> CopyOperation.copy(copy, source.get(), destination(state, config, views),
                            services.workRoot()));
        } catch (RuntimeException e) {
            views.close();
            throw e;
        }
    }

    Prepared prepareAdd(Add add, ImageState state, StageConfig config, CacheKey parent) {
        var views = new Views();
        var downloads = new Downloads(services.workRoot(), this::http); // fetched once, for the key and the copy
        try {
            var context = context();
            var selection = CopyOperation.selectionDigest(add, context,
                    digestDestination(add.chown(), state, config, views), services.workRoot(), downloads);
            return prepared(() -> {
                        try (downloads) {
                            views.close();
                        }
                    }, parent.child("copy").add(StepText.of(add)).add(selection.toString()).build(),
                    history(add), () -> CopyOperation.add(add, context, destination(state, config, views),
                            services.workRoot(), downloads));
        } catch (RuntimeException e) {
            try (downloads) {
                views.close();
            }
            throw e;
        }
    }

    /** The source of a {@code --from}: a stage's result or an image, with the key that names its content. */
    private record From(ImageState image, CacheKey key) {}

    /** The {@code --from} source; an image that cannot be found is an error at the COPY's line. */
    private From resolve(Copy copy, StepSource source) {
        try {
            return resolve(source);
        } catch (InstructionException e) {
            throw e;
        } catch (KilnException e) {
            throw new InstructionException(copy.range(), "--from=" + copy.from().orElseThrow()
                    + " is neither a stage of this Dockerfile nor an image kiln can find: " + e.getMessage());
        }
    }

    private From resolve(StepSource source) {
        return switch (source) {
            case StepSource.Stage(int index) -> {
                var stage = stages.await(index);
                yield new From(stage.image(), stage.key());
            }
            case StepSource.Image(String reference) -> {
                var image = images.apply(reference);
                yield new From(image.image(), CacheKey.root("image").add(image.manifest().toString()).build());
            }
        };
    }

    /** @param cleanup undoes what preparing set up (mounted views, downloads), once the step is done */
    private Prepared prepared(Runnable cleanup, CacheKey key, String createdBy, Supplier<CopyResult> copy) {
        return new Prepared() {
            @Override
            public CacheKey key() {
                return key;
            }

            @Override
            public String createdBy() {
                return createdBy;
            }

            @Override
            public LayerRef run(LayerWriter writer) {
                try (var result = copy.get()) {
                    var layer = writer.write(result.entries());
                    return new LayerRef(layer.descriptor(), layer.diffId());
                }
            }

            @Override
            public void close() {
                cleanup.run();
            }
        };
    }

    private CopySource context() {
        return new CopySource.Context(options.context().root(), contextFilter);
    }

    /**
     * The destination a selection digest is computed against: it plans on an empty destination,
     * so the stage's files matter only to resolve {@code --chown} names from its /etc/passwd.
     */
    private Destination digestDestination(Optional<String> chown, ImageState state, StageConfig config, Views views) {
        boolean numeric = chown.map(c -> c.matches("[0-9]+(:[0-9]+)?")).orElse(true);
        return numeric ? Destination.scratch(workdir(config)) : destination(state, config, views);
    }

    private Destination destination(ImageState state, StageConfig config, Views views) {
        return state.layers().isEmpty() ? Destination.scratch(workdir(config))
                : Destination.of(workdir(config), views.of(state).root());
    }

    private static String workdir(StageConfig config) {
        var workdir = config.config().config().workingDir();
        return workdir.isEmpty() ? "/" : workdir;
    }

    /** Read-only views of images, mounted on first use and unmounted together. */
    private final class Views implements AutoCloseable {
        private final Map<ImageState, ActiveSnapshot> open = new java.util.IdentityHashMap<>();

        synchronized ActiveSnapshot of(ImageState image) {
            return open.computeIfAbsent(image, i -> services.snapshotter().prepare(
                    i.layers().stream().map(l -> services.snapshots().unpacked(l.blob(), l.diffId())).toList()));
        }

        @Override
        public synchronized void close() {
            open.values().forEach(ActiveSnapshot::close);
            open.clear();
        }
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    /** BuildKit's history text: {@code COPY [--parents] [--chown=] [--chmod=] src... dest # buildkit}. */
    private static String history(Copy copy) {
        var text = new StringBuilder("COPY");
        if (copy.parents()) {
            text.append(" --parents");
        }
        copy.chown().ifPresent(c -> text.append(" --chown=").append(c));
        copy.chmod().ifPresent(c -> text.append(" --chmod=").append(c.text()));
        copy.sources().forEach(s -> text.append(' ').append(s));
        copy.inlineSources().forEach(s -> text.append(" <<").append(s.path()));
        return text.append(' ').append(copy.destination()).append(" # buildkit").toString();
    }

    private static String history(Add add) {
        var text = new StringBuilder("ADD");
        add.chown().ifPresent(c -> text.append(" --chown=").append(c));
        add.chmod().ifPresent(c -> text.append(" --chmod=").append(c.text()));
        add.sources().forEach(s -> text.append(' ').append(s));
        add.inlineSources().forEach(s -> text.append(" <<").append(s.path()));
        return text.append(' ').append(add.destination()).append(" # buildkit").toString();
    }
}
