package dev.kiln.internal.sys;

/**
 * Links, on a background thread, the downcalls a RUN step needs only once its container has exited
 * (reading the changes' extended attributes, unmounting): in a cold JVM that takes tens of
 * milliseconds, which would otherwise hold up the next steps of a build while its cores are busy.
 */
public final class NativeLinks {
    private NativeLinks() {}

    public static void linkInBackground() {
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
