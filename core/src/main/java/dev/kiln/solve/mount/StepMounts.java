package dev.kiln.solve.mount;

import dev.kiln.exec.ExecSpec;
import dev.kiln.snapshot.Change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's prepared mounts: what to add to its {@link ExecSpec}, how to keep them out of its layer, and
 * what to release afterwards (closing is safe twice and also happens at JVM shutdown).
 */
public final class StepMounts implements AutoCloseable {
    private final List<ExecSpec.BindMount> binds;
    private final List<ExecSpec.TmpfsMount> tmpfs;
    private final Map<String, String> overrides;
    private final Map<String, String> defaults;
    private final MountPointFilter filter;
    private final List<AutoCloseable> held;

    StepMounts(List<ExecSpec.BindMount> binds, List<ExecSpec.TmpfsMount> tmpfs, Map<String, String> overrides,
               Map<String, String> defaults, MountPointFilter filter, List<AutoCloseable> held) {
        this.binds = List.copyOf(binds);
        this.tmpfs = List.copyOf(tmpfs);
        this.overrides = Map.copyOf(overrides);
        this.defaults = Map.copyOf(defaults);
        this.filter = filter;
        this.held = new ArrayList<>(held);
    }

    public List<ExecSpec.BindMount> binds() {
        return binds;
    }

    public List<ExecSpec.TmpfsMount> tmpfs() {
        return tmpfs;
    }

    /** The step's environment with the mounts' variables: {@code env=} secrets win, {@code SSH_AUTH_SOCK} only if unset. */
    public List<String> environment(List<String> base) {
        var merged = new LinkedHashMap<String, String>();
        for (var entry : base) {
            int eq = entry.indexOf('=');
            merged.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        defaults.forEach(merged::putIfAbsent);
        merged.putAll(overrides);
        return merged.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** The step's changes without the mount points and what mounting made. */
    public List<Change> layerChanges(List<Change> changes) {
        return filter.filter(changes);
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (var resource : held.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) failure = e instanceof RuntimeException r ? r
                        : new MountException("cannot release a mount: " + e.getMessage(), e);
                else failure.addSuppressed(e);
            }
        }
        held.clear();
        if (failure != null) throw failure;
    }
}
