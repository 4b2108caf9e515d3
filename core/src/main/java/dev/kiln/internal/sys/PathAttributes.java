package dev.kiln.internal.sys;

import static dev.kiln.internal.sys.Libc.INT;
import static dev.kiln.internal.sys.Libc.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * chmod(2) and utimensat(2) by path. NIO's {@code unix:mode} and {@code setTimes} open the file
 * first, which fails on a device without a driver and blocks on a fifo.
 */
public final class PathAttributes {
    private static final int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100;

    private static final MethodHandle CHMOD = Libc.require("chmod", FunctionDescriptor.of(INT, PTR, INT));
    private static final MethodHandle UTIMENSAT =
            Libc.require("utimensat", FunctionDescriptor.of(INT, INT, PTR, PTR, INT));

    private PathAttributes() {}

    /** Sets the permission bits (with setuid, setgid, sticky); follows a symlink, so callers never pass one. */
    public static void chmod(Path path, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            int rc = (int) CHMOD.invokeExact(state, arena.allocateFrom(path.toString()), mode);
            if (rc != 0) throw new SysException("chmod", Libc.errno(state), path.toString());
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Sets access and modification times of {@code path} itself, never of a symlink's target. */
    public static void lutimes(Path path, FileTime accessed, FileTime modified) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4); // struct timespec[2]
            putTimespec(times, 0, accessed);
            putTimespec(times, 2, modified);
            int rc = (int) UTIMENSAT.invokeExact(state, AT_FDCWD, arena.allocateFrom(path.toString()), times,
                    AT_SYMLINK_NOFOLLOW);
            if (rc != 0) throw new SysException("utimensat", Libc.errno(state), path.toString());
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static void putTimespec(MemorySegment times, int index, FileTime time) {
        Instant instant = time.toInstant();
        times.setAtIndex(ValueLayout.JAVA_LONG, index, instant.getEpochSecond());
        times.setAtIndex(ValueLayout.JAVA_LONG, index + 1, instant.getNano());
    }
}
