package dev.kiln.internal.cleanup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a running step holds outside the JVM (containers, mounts, temp dirs) and must release even when Kiln
 * is interrupted: each resource is registered while held; a JVM shutdown hook (Ctrl-C, SIGTERM) closes the
 * ones still registered, newest first. Normal code closes its {@link Handle} in try-with-resources as usual.
 */
public final class ShutdownCleanup {
    private static final LinkedHashSet<Handle> ACTIVE = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private ShutdownCleanup() {}

    /** Closes {@code resource} once: when the handle is closed, or at JVM shutdown if that comes first. */
    public static Handle register(String what, AutoCloseable resource) {
        Handle handle = new Handle(what, resource);
        synchronized (ACTIVE) {
            installHook();
            ACTIVE.add(handle);
        }
        return handle;
    }

    /** Closes every registered resource, newest first; what the hook runs. Failures are reported, not thrown. */
    static void closeAll() {
        List<Handle> handles;
        synchronized (ACTIVE) {
            handles = new ArrayList<>(ACTIVE);
        }
        for (Handle handle : handles.reversed()) {
            try {
                handle.close();
            } catch (RuntimeException e) {
                System.err.println("kiln: cleanup of " + handle.what + " failed: " + e.getMessage());
            }
        }
    }

    /** How many resources are registered now; for tests. */
    public static int activeCount() {
        synchronized (ACTIVE) {
            return ACTIVE.size();
        }
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::closeAll, "kiln-cleanup"));
            hookInstalled = true;
        }
    }

    /** A registered resource; closing it closes the resource exactly once, whichever thread comes first. */
    public static final class Handle implements AutoCloseable {
        private final String what;
        private AutoCloseable resource;

        private Handle(String what, AutoCloseable resource) {
            this.what = what;
            this.resource = resource;
        }

        /** Forgets the resource without closing it: something else has released it. */
        public synchronized void release() {
            resource = null;
            synchronized (ACTIVE) {
                ACTIVE.remove(this);
            }
        }

        /** Synchronized: the hook waits for a close the step's own thread has begun, then finds it done. */
        @Override
        public synchronized void close() {
            if (resource == null) return;
            AutoCloseable r = resource;
            resource = null;
            synchronized (ACTIVE) {
                ACTIVE.remove(this);
            }
            try {
                r.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new dev.kiln.KilnException("cannot release " + what + ": " + e.getMessage(), e);
            }
        }
    }
}
