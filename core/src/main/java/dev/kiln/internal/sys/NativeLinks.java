package dev.kiln.internal.sys;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Links, on a background thread while a RUN step's container starts, the downcalls the step needs
 * only once the container has exited (reading the changes' extended attributes, unmounting): in a
 * cold JVM that takes tens of milliseconds, which would otherwise hold up the build then.
 */
public final class NativeLinks {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private NativeLinks() {}

    /** Starts the linking once per process; a build whose RUN steps are all cached never pays for it. */
    public static void linkInBackground() {
        if (STARTED.getAndSet(true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("kiln-native-links").start(() -> {
            try {
                Xattrs.link();
                Mounts.linkUmount();
            } catch (LinkageError | RuntimeException e) {
                // the step that needs the call reports the failure where it happens
            }
        });
    }
}
