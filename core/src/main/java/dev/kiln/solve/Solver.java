package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Platform;
import dev.kiln.plan.BuildPlan;
import dev.kiln.plan.PlannedStage;
import dev.kiln.plan.StageBase;
import dev.kiln.store.BuildLease;
import dev.kiln.solve.mount.MountSetup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Builds a plan: every needed stage on its own virtual thread as soon as the stages it needs are
 * built, at most {@code jobs} steps running at once; the first failure cancels the rest. Then the
 * target stage's image is committed to the store.
 */
public final class Solver {
    private final BuildPlan plan;
    private final BuildOptions options;
    private final BuildServices services;
    private final StepLog log;
    private final StageResults results;
    private final BaseImages baseImages;
    /** The images a FROM step was shown for: BuildKit shows one vertex for all stages FROM the same image. */
    private final Set<String> fromsShown = ConcurrentHashMap.newKeySet();

    private Solver(BuildPlan plan, BuildOptions options, BuildServices services, StepLog log) {
        this.plan = plan;
        this.options = options;
        this.services = services;
        this.log = log;
        this.results = new StageResults(plan.stages());
        this.baseImages = new BaseImages(services.store(), services::registry, options.pull(), log);
    }

    /** @throws KilnException naming the stage, the instruction and what failed */
    public static BuildResult build(BuildPlan plan, BuildOptions options, BuildServices services, StepLog log) {
        try (var lease = BuildLease.shared(services.store())) {
            return new Solver(plan, options, services, log).build();
        }
    }

    private BuildResult build() {
        var limit = new Semaphore(options.jobs());
        var copyStep = new CopyStep(options, services, results, this::imageForCopy);
        var mounts = new MountSetup(options.context().root(), options.mounts(), services.workRoot(),
                MountSetup.cacheRootOf(services.store().root()), new StageRoots(services, results, this::imageForCopy),
                System.getenv());
        var runner = new StageRunner(plan, options, services, log, copyStep, limit, mounts, results);
        var futures = new HashMap<Integer, Future<StageResult>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var completions = new ExecutorCompletionService<StageResult>(threads);
            for (var stage : plan.stages()) {
                futures.put(stage.index(), completions.submit(() -> buildStage(stage, runner)));
            }
            awaitAll(completions, futures.size(), threads);
        } finally {
            copyStep.finish();
        }
        var target = withLabels(results.await(plan.target()).image());
        var conversions = new LayerConversions(services.store().blobs(), services.layerWriter(true),
                services.compression(), services.store().root().resolve("cache").resolve("converted"));
        var layers = target.layers().stream().map(conversions::convert).toList();
        return ImageCommit.commit(services.store(), new ImageState(target.config(), layers), services.created(),
                options.tags());
    }

    /** Builds one stage; each of its steps waits only for the stages it reads (see {@link StageResults}). */
    private StageResult buildStage(PlannedStage stage, StageRunner runner) {
        try {
            var result = runner.run(stage, base(stage));
            results.finished(stage.index(), result);
            return result;
        } catch (InstructionException e) {
            var failure = new KilnException(plan.fileName() + (e.range() == null ? "" : ":" + e.range().startLine())
                    + ": " + e.problem(), e);
            results.failed(stage.index(), failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            results.failed(stage.index(), e);
            throw e;
        }
    }

    /** Waits for every stage; on the first failure, interrupts the others and rethrows it. */
    private static void awaitAll(ExecutorCompletionService<StageResult> completions, int count, ExecutorService threads) {
        try {
            for (int i = 0; i < count; i++) {
                completions.take().get();
            }
        } catch (ExecutionException e) {
            threads.shutdownNow();
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
            throw new KilnException("the build was interrupted");
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof ExecutionException nested) {
            return rethrow(nested.getCause());
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new KilnException("the build failed: " + cause, cause);
    }

    private StageResult base(PlannedStage stage) {
        return switch (stage.base()) {
            case StageBase.Scratch() -> new StageResult(new ImageState(scratch(platform(stage)), List.of()), Map.of(),
                    CacheKey.root("scratch").add(platform(stage).toString()).build());
            case StageBase.FromStage(int index) -> results.await(index);
            case StageBase.FromImage(String reference) -> {
                BaseImages.Resolved base;
                try {
                    base = baseImages.resolve(reference, platform(stage));
                } catch (KilnException e) {
                    throw new InstructionException(stage.stage().from().range(), e.getMessage());
                }
                if (fromsShown.add(base.manifest() + " " + platform(stage))) {
                    var withTriggers = ImageTriggers.prepend(stage, base.image().config().config().onBuild(), plan);
                    var name = new StepNumbering(withTriggers, plan).fromName(pinned(reference, base.resolved()));
                    log.started(stage.displayName(), name);
                    log.done(name);
                }
                yield new StageResult(base.image(), environment(base.image().config()),
                        CacheKey.root("image").add(base.manifest().toString()).build());
            }
        };
    }

    /** The image as BuildKit's FROM step names it: canonical, with the digest its name resolved to. */
    private static String pinned(String reference, Digest resolved) {
        var parsed = ImageReference.parse(reference);
        return (parsed.digestIfPresent().isPresent() ? parsed : parsed.withDigest(resolved.toString())).toString();
    }

    /** BuildKit's empty image: WorkingDir "/" (PATH is added to every stage's config by StageConfig). */
    private static ImageConfig scratch(Platform platform) {
        var empty = ImageConfig.empty(platform);
        return empty.withConfig(StageConfig.copy(empty.config()).workingDir("/").build());
    }

    /** {@code COPY --from=<image>}: the image, pulled if needed, for the target platform. */
    private BaseImages.Resolved imageForCopy(String reference) {
        return baseImages.resolve(reference, options.platform());
    }

    private Platform platform(PlannedStage stage) {
        return stage.platform().map(Platform::parse).orElse(options.platform());
    }

    private ImageState withLabels(ImageState image) {
        if (options.labels().isEmpty()) {
            return image;
        }
        var container = image.config().config();
        var labels = new java.util.TreeMap<>(container.labels());
        labels.putAll(options.labels());
        return image.withConfig(image.config().withConfig(StageConfig.copy(container).labels(labels).build()));
    }

    private static Map<String, String> environment(ImageConfig config) {
        var variables = new LinkedHashMap<String, String>();
        for (var entry : config.config().env()) {
            int eq = entry.indexOf('=');
            variables.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return variables;
    }
}
