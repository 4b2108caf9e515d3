package dev.kiln.image.layer;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

/**
 * The Linux calls extraction needs and NIO lacks: {@code mknod} (devices, fifos, overlay
 * whiteouts); path-based {@code chmod} and {@code utimensat} (NIO opens the file for those, which
 * fails on a device and blocks on a fifo); {@code lsetxattr}/{@code lgetxattr} (unlike NIO's
 * user-xattr view they reach {@code trusted.} and {@code security.} and never follow a symlink).
 */
@SuppressWarnings("restricted") // native access is enabled for the whole application (--enable-native-access)
final class ExtractionSyscalls {
    static final int S_IFIFO = 0010000;
    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    static final int ENODATA = 61;
    static final int ENOTSUP = 95;
    static final int EPERM = 1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle MKNOD = downcall("mknod",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle CHMOD = downcall("chmod",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle UTIMENSAT = downcall("utimensat",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_INT));
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final MethodHandle LSETXATTR = downcall("lsetxattr",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle LGETXATTR = downcall("lgetxattr",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().find("strerror").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_BYTE), ValueLayout.JAVA_INT));

    private ExtractionSyscalls() {
    }

    /** An errno-carrying failure, so callers can tell "not supported here" from real errors. */
    static final class SyscallException extends IOException {
        private final int errno;

        SyscallException(String call, Path path, int errno) {
            super(call + " " + path + ": " + describe(errno));
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    static void mknod(Path path, int typeAndMode, int major, int minor) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) MKNOD.invokeExact(state, arena.allocateFrom(path.toString()), typeAndMode,
                    makedev(major, minor));
            check(rc, state, "mknod", path);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mknod downcall failed", t);
        }
    }

    /**
     * chmod by path. NIO's {@code unix:mode} opens the file to fchmod it, which fails on a device
     * without a driver and blocks on a fifo. Callers never pass a symlink.
     */
    static void chmod(Path path, int mode) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) CHMOD.invokeExact(state, arena.allocateFrom(path.toString()), mode);
            check(rc, state, "chmod", path);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("chmod downcall failed", t);
        }
    }

    /** Sets access and modification times of {@code path} itself (never a link's target), without opening it. */
    static void lutimes(Path path, FileTime accessed, FileTime modified) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4); // struct timespec[2]
            putTimespec(times, 0, accessed);
            putTimespec(times, 2, modified);
            int rc = (int) UTIMENSAT.invokeExact(state, AT_FDCWD, arena.allocateFrom(path.toString()), times,
                    AT_SYMLINK_NOFOLLOW);
            check(rc, state, "utimensat", path);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("utimensat downcall failed", t);
        }
    }

    private static void putTimespec(MemorySegment times, int index, FileTime time) {
        Instant instant = time.toInstant();
        times.setAtIndex(ValueLayout.JAVA_LONG, index, instant.getEpochSecond());
        times.setAtIndex(ValueLayout.JAVA_LONG, index + 1, instant.getNano());
    }

    static void lsetxattr(Path path, String name, byte[] value) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment buffer = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, buffer, ValueLayout.JAVA_BYTE, 0, value.length);
            int rc = (int) LSETXATTR.invokeExact(state, arena.allocateFrom(path.toString()),
                    arena.allocateFrom(name), buffer, (long) value.length, 0);
            check(rc, state, "lsetxattr " + name, path);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("lsetxattr downcall failed", t);
        }
    }

    /** The attribute's value, or empty when the file does not carry it. */
    static Optional<byte[]> lgetxattr(Path path, String name) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment buffer = arena.allocate(65536);
            long n = (long) LGETXATTR.invokeExact(state, arena.allocateFrom(path.toString()),
                    arena.allocateFrom(name), buffer, buffer.byteSize());
            if (n < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == ENODATA) {
                    return Optional.empty();
                }
                throw new SyscallException("lgetxattr " + name, path, errno);
            }
            return Optional.of(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("lgetxattr downcall failed", t);
        }
    }

    /** glibc's {@code makedev}: the 64-bit dev_t layout Linux uses. */
    static long makedev(int major, int minor) {
        long ma = Integer.toUnsignedLong(major);
        long mi = Integer.toUnsignedLong(minor);
        return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
    }

    private static void check(int rc, MemorySegment state, String call, Path path) throws SyscallException {
        if (rc < 0) {
            throw new SyscallException(call, path, (int) ERRNO.get(state, 0L));
        }
    }

    private static String describe(int errno) {
        try {
            MemorySegment message = (MemorySegment) STRERROR.invokeExact(errno);
            return message.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }
}
