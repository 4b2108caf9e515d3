package dev.kiln.internal.sys;

import static dev.kiln.internal.sys.Libc.INT;
import static dev.kiln.internal.sys.Libc.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The new mount API (fsopen/fsconfig/fsmount/move_mount, Linux 5.2+): each option is its own call,
 * so no option string has to fit in one page as with mount(2).
 */
public final class FsContext implements AutoCloseable {
    private static final int FSOPEN_CLOEXEC = 1, FSMOUNT_CLOEXEC = 1, MOVE_MOUNT_F_EMPTY_PATH = 4, AT_FDCWD = -100;
    private static final int SET_FLAG = 0, SET_STRING = 1, CMD_CREATE = 6;

    private static final Optional<MethodHandle> FSOPEN = Libc.find("fsopen", FunctionDescriptor.of(INT, PTR, INT));
    private static final Optional<MethodHandle> FSCONFIG =
            Libc.find("fsconfig", FunctionDescriptor.of(INT, INT, INT, PTR, PTR, INT));
    private static final Optional<MethodHandle> FSMOUNT =
            Libc.find("fsmount", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final Optional<MethodHandle> MOVE_MOUNT =
            Libc.find("move_mount", FunctionDescriptor.of(INT, INT, PTR, INT, PTR, INT));
    private static final MethodHandle CLOSE = Libc.require("close", FunctionDescriptor.of(INT, INT));

    private final String fsType;
    private final int fd;

    private FsContext(String fsType, int fd) {
        this.fsType = fsType;
        this.fd = fd;
    }

    /** Whether the C library exposes the new mount API at all (the kernel may still say ENOSYS). */
    public static boolean available() {
        return FSOPEN.isPresent() && FSCONFIG.isPresent() && FSMOUNT.isPresent() && MOVE_MOUNT.isPresent();
    }

    public static FsContext open(String fsType) {
        if (!available()) throw new SysException("fsopen", Errno.ENOSYS, fsType);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            int fd = (int) FSOPEN.get().invokeExact(state, arena.allocateFrom(fsType), FSOPEN_CLOEXEC);
            if (fd < 0) throw new SysException("fsopen", Libc.errno(state), fsType);
            return new FsContext(fsType, fd);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public FsContext set(String key, String value) {
        configure(SET_STRING, key, value);
        return this;
    }

    public FsContext flag(String key) {
        configure(SET_FLAG, key, null);
        return this;
    }

    /** Creates the superblock and attaches the new mount at {@code target}. */
    public void mountAt(Path target) {
        configure(CMD_CREATE, null, null);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            int mfd = (int) FSMOUNT.get().invokeExact(state, fd, FSMOUNT_CLOEXEC, 0);
            if (mfd < 0) throw new SysException("fsmount", Libc.errno(state), fsType);
            try {
                int rc = (int) MOVE_MOUNT.get().invokeExact(state, mfd, arena.allocateFrom(""), AT_FDCWD,
                        arena.allocateFrom(target.toString()), MOVE_MOUNT_F_EMPTY_PATH);
                if (rc != 0) throw new SysException("move_mount", Libc.errno(state), fsType + " to " + target);
            } finally {
                closeFd(mfd);
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private void configure(int cmd, String key, String value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            int rc = (int) FSCONFIG.get().invokeExact(state, fd, cmd, Mounts.cString(arena, key),
                    Mounts.cString(arena, value), 0);
            if (rc != 0) {
                String what = key == null ? fsType : fsType + " " + key + (value == null ? "" : "=" + value);
                throw new SysException("fsconfig", Libc.errno(state), what);
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    @Override
    public void close() {
        closeFd(fd);
    }

    private static void closeFd(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(Libc.newState(arena), fd);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
