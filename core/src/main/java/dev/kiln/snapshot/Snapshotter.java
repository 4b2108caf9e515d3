package dev.kiln.snapshot;

import dev.kiln.KilnException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prepares writable roots for steps. Lowers are unpacked layers in overlayfs form (whiteouts are char
 * devices 0/0, opaque directories carry {@code trusted.overlay.opaque=y}), given <b>bottom-most first</b>,
 * in image-manifest order.
 */
public final class Snapshotter {
    /** Environment variable that forces a strategy: {@code overlay}, {@code copy} or {@code auto}. */
    public static final String STRATEGY_ENV = "KILN_SNAPSHOTTER";

    public enum Strategy { AUTO, OVERLAY, COPY }

    private final Path tmpRoot;
    private final Strategy strategy;
    private final Consumer<String> notices;

    /** @param notices told once per snapshot why the copy fallback was used instead of overlayfs */
    public Snapshotter(Path tmpRoot, Strategy strategy, Consumer<String> notices) {
        this.tmpRoot = tmpRoot;
        this.strategy = strategy;
        this.notices = notices;
    }

    public static Strategy strategyFromEnvironment() {
        String value = System.getenv(STRATEGY_ENV);
        if (value == null || value.isBlank()) return Strategy.AUTO;
        try {
            return Strategy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KilnException(STRATEGY_ENV + "=" + value + " is not a snapshot strategy; use overlay, copy or auto");
        }
    }

    /** Removes what earlier, killed Kiln processes left mounted under the temp root. */
    public void reclaimStale() {
        StaleSnapshots.reclaim(tmpRoot);
    }

    public ActiveSnapshot prepare(List<Path> lowersBottomFirst) {
        for (Path lower : lowersBottomFirst) {
            if (!Files.isDirectory(lower)) throw new SnapshotException("layer directory " + lower + " does not exist");
        }
        return switch (strategy) {
            case OVERLAY -> OverlaySnapshot.create(lowersBottomFirst, SnapshotDirs.create(tmpRoot));
            case COPY -> CopySnapshot.create(lowersBottomFirst, SnapshotDirs.create(tmpRoot));
            case AUTO -> overlayOrCopy(lowersBottomFirst);
        };
    }

    private ActiveSnapshot overlayOrCopy(List<Path> lowers) {
        try {
            return OverlaySnapshot.create(lowers, SnapshotDirs.create(tmpRoot));
        } catch (KilnException e) {
            notices.accept("overlayfs is unavailable (" + e.getMessage() + "); copying the base layers instead");
            return CopySnapshot.create(lowers, SnapshotDirs.create(tmpRoot));
        }
    }
}
