package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.copy.ContextFilter;
import dev.kiln.copy.CopyOperation;
import dev.kiln.copy.CopySource;
import dev.kiln.copy.Destination;
import dev.kiln.dockerfile.ignore.DockerIgnore;
import dev.kiln.dockerfile.ignore.PatternMatcher;
import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.image.Digest;
import dev.kiln.image.Platform;
import dev.kiln.plan.PlannedStep;
import dev.kiln.plan.StepSource;
import dev.kiln.plan.StepText;
import dev.kiln.snapshot.ActiveSnapshot;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * COPY and ADD: files from the context (after .dockerignore), another stage or an image, as one
 * layer. The step's key includes the digest of the selected files' content, names, modes and
 * owners, so a source that is rebuilt but yields the same files is still a cache hit.
 */
final class CopyStep {
    private final BuildOptions options;
    private final BuildServices services;
    private final Map<Integer, StageResult> stages;
    private final Function<String, ImageState> images;
    private final ContextFilter contextFilter;
    private volatile HttpClient http;

    CopyStep(BuildOptions options, BuildServices services, Map<Integer, StageResult> stages,
             Function<String, ImageState> images) {
        this.options = options;
        this.services = services;
        this.stages = stages;
        this.images = images;
        this.contextFilter = filter(DockerIgnore.load(options.context(), options.dockerfile()));
    }

    /** A COPY or ADD with its inputs open: its key and history are known before it runs; close it after. */
    interface Prepared extends AutoCloseable {
        CacheKey key(CacheKey parent);

        String createdBy();

        LayerRef run();

        @Override
        void close();
    }

    Prepared prepareCopy(Copy copy, PlannedStep step, ImageState state, StageConfig config, Platform platform) {
        var views = new ArrayList<ActiveSnapshot>();
        try {
            var source = copy.from().isPresent() ? fromSource(copy, step.sources().getFirst(), views) : context();
            var destination = destination(state, config, views);
            var scratch = services.workRoot();
            var digest = CopyOperation.selectionDigest(copy, source, destination, scratch);
            return prepared(views, StepText.of(copy), digest, history(copy), () -> CopyOperation.copy(copy, source,
                    destination, scratch));
        } catch (RuntimeException e) {
            views.forEach(ActiveSnapshot::close);
            throw e;
        }
    }

    Prepared prepareAdd(Add add, ImageState state, StageConfig config) {
        var views = new ArrayList<ActiveSnapshot>();
        try {
            var source = context();
            var destination = destination(state, config, views);
            var scratch = services.workRoot();
            var digest = CopyOperation.selectionDigest(add, source, destination, scratch, http());
            return prepared(views, StepText.of(add), digest, history(add), () -> CopyOperation.add(add, source,
                    destination, scratch, http()));
        } catch (RuntimeException e) {
            views.forEach(ActiveSnapshot::close);
            throw e;
        }
    }

    private Prepared prepared(List<ActiveSnapshot> views, String text, Digest selection, String createdBy,
                              java.util.function.Supplier<dev.kiln.copy.CopyResult> copy) {
        return new Prepared() {
            @Override
            public CacheKey key(CacheKey parent) {
                return parent.child("copy").add(text).add(selection.toString()).build();
            }

            @Override
            public String createdBy() {
                return createdBy;
            }

            @Override
            public LayerRef run() {
                try (var result = copy.get()) {
                    var layer = services.layerWriter().write(result.entries());
                    return new LayerRef(layer.descriptor(), layer.diffId());
                }
            }

            @Override
            public void close() {
                views.forEach(ActiveSnapshot::close);
            }
        };
    }

    private CopySource context() {
        return new CopySource.Context(options.context(), contextFilter);
    }

    /** The {@code --from} source; an image that cannot be found is an error at the COPY's line. */
    private CopySource fromSource(Copy copy, StepSource source, List<ActiveSnapshot> views) {
        try {
            return stageSource(source, views);
        } catch (InstructionException e) {
            throw e;
        } catch (KilnException e) {
            throw new InstructionException(copy.range(), "--from=" + copy.from().orElseThrow()
                    + " is neither a stage of this Dockerfile nor an image kiln can find: " + e.getMessage());
        }
    }

    private CopySource stageSource(StepSource source, List<ActiveSnapshot> views) {
        var image = switch (source) {
            case StepSource.Stage(int index) -> stages.get(index).image();
            case StepSource.Image(String reference) -> images.apply(reference);
        };
        return new CopySource.StageRoot(view(image, views).root());
    }

    private Destination destination(ImageState state, StageConfig config, List<ActiveSnapshot> views) {
        var workdir = config.config().config().workingDir();
        var dir = workdir.isEmpty() ? "/" : workdir;
        return state.layers().isEmpty() ? Destination.scratch(dir) : Destination.of(dir, view(state, views).root());
    }

    private ActiveSnapshot view(ImageState image, List<ActiveSnapshot> views) {
        var lowers = image.layers().stream().map(l -> services.snapshots().unpacked(l.blob(), l.diffId())).toList();
        var view = services.snapshotter().prepare(lowers);
        views.add(view);
        return view;
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

    private static ContextFilter filter(PatternMatcher matcher) {
        if (matcher.isEmpty()) {
            return ContextFilter.NONE;
        }
        return new ContextFilter() {
            @Override
            public boolean excluded(String path) {
                return matcher.matches(path);
            }

            @Override
            public boolean hasExceptions() {
                return matcher.hasExclusions();
            }
        };
    }
}
