package dev.kiln.internal.sys;

import static dev.kiln.internal.sys.Libc.INT;
import static dev.kiln.internal.sys.Libc.LONG;
import static dev.kiln.internal.sys.Libc.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** mount(2) and umount2(2). */
public final class Mounts {
    public static final long MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_BIND = 4096,
            MS_REC = 16384, MS_PRIVATE = 1 << 18;
    public static final int MNT_FORCE = 1, MNT_DETACH = 2;

    private static final MethodHandle MOUNT = Libc.require("mount",
            FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, PTR));

    /** Linked on first use: linking costs a cold JVM milliseconds, and a RUN's mount comes first. */
    private static final class Umount {
        static final MethodHandle UMOUNT2 = Libc.require("umount2", FunctionDescriptor.of(INT, PTR, INT));
    }

    private Mounts() {}

    /** Links umount2 now (see {@link NativeLinks}). */
    static void linkUmount() {
        java.util.Objects.requireNonNull(Umount.UMOUNT2);
    }

    /** mount(source, target, type, flags, data); {@code data} may be null. */
    public static void mount(String source, Path target, String type, long flags, String data) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            int rc = (int) MOUNT.invokeExact(state, cString(arena, source), arena.allocateFrom(target.toString()),
                    cString(arena, type), flags, cString(arena, data));
            if (rc != 0) throw new SysException("mount", Libc.errno(state), type + " on " + target);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static void unmount(Path target, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            int rc = (int) Umount.UMOUNT2.invokeExact(state, arena.allocateFrom(target.toString()), flags);
            if (rc != 0) throw new SysException("umount2", Libc.errno(state), target.toString());
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Lazily detaches the mount: it disappears from the tree now, even if something still uses it. */
    public static void unmountDetached(Path target) {
        unmount(target, MNT_DETACH);
    }

    static MemorySegment cString(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }
}
