package dev.kiln.internal.sys;

import static dev.kiln.internal.sys.Libc.INT;
import static dev.kiln.internal.sys.Libc.LONG;
import static dev.kiln.internal.sys.Libc.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** mknod(2) and lchown(2): device nodes (overlay whiteouts are char 0/0) and owners of symlinks. */
public final class FileNodes {
    public static final int S_IFCHR = 0020000, S_IFBLK = 0060000, S_IFIFO = 0010000;

    private static final MethodHandle MKNOD = Libc.require("mknod", FunctionDescriptor.of(INT, PTR, INT, LONG));
    private static final MethodHandle LCHOWN = Libc.require("lchown", FunctionDescriptor.of(INT, PTR, INT, INT));

    private FileNodes() {}

    /** Creates a node; {@code mode} holds the type bits (S_IFCHR…) and the permissions. */
    public static void mknod(Path path, int mode, int major, int minor) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            int rc = (int) MKNOD.invokeExact(state, arena.allocateFrom(path.toString()), mode, makedev(major, minor));
            if (rc != 0) throw new SysException("mknod", Libc.errno(state), path.toString());
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** An overlayfs whiteout: a character device with device number 0/0. */
    public static void mkWhiteout(Path path) {
        mknod(path, S_IFCHR, 0, 0);
    }

    /** Changes the owner of {@code path} itself, not of what a symlink points to. */
    public static void lchown(Path path, int uid, int gid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            int rc = (int) LCHOWN.invokeExact(state, arena.allocateFrom(path.toString()), uid, gid);
            if (rc != 0) throw new SysException("lchown", Libc.errno(state), path.toString());
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** glibc's makedev layout of dev_t. */
    public static long makedev(int major, int minor) {
        long ma = major & 0xffffffffL, mi = minor & 0xffffffffL;
        return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
    }

    public static int major(long dev) {
        return (int) (((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL));
    }

    public static int minor(long dev) {
        return (int) (((dev >>> 12) & 0xffffff00L) | (dev & 0xffL));
    }
}
