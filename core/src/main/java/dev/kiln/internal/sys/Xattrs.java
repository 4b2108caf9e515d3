package dev.kiln.internal.sys;

import static dev.kiln.internal.sys.Libc.INT;
import static dev.kiln.internal.sys.Libc.LONG;
import static dev.kiln.internal.sys.Libc.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Extended attributes of a path itself (the l* calls never follow a symlink). */
public final class Xattrs {
    private static final MethodHandle LSETXATTR =
            Libc.require("lsetxattr", FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, INT));
    private static final MethodHandle LGETXATTR =
            Libc.require("lgetxattr", FunctionDescriptor.of(LONG, PTR, PTR, PTR, LONG));
    private static final MethodHandle LLISTXATTR =
            Libc.require("llistxattr", FunctionDescriptor.of(LONG, PTR, PTR, LONG));

    private Xattrs() {}

    /** Initialises this class, linking its downcalls (see {@link NativeLinks}). */
    static void link() {}

    public static void set(Path path, String name, byte[] value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            MemorySegment buf = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, buf, ValueLayout.JAVA_BYTE, 0, value.length);
            int rc = (int) LSETXATTR.invokeExact(state, arena.allocateFrom(path.toString()),
                    arena.allocateFrom(name), buf, (long) value.length, 0);
            if (rc != 0) throw new SysException("lsetxattr", Libc.errno(state), path + " " + name);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The value, or empty when the attribute is absent (ENODATA) or the filesystem has none (EOPNOTSUPP). */
    public static Optional<byte[]> get(Path path, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            MemorySegment cPath = arena.allocateFrom(path.toString()), cName = arena.allocateFrom(name);
            while (true) {
                long size = (long) LGETXATTR.invokeExact(state, cPath, cName, MemorySegment.NULL, 0L);
                if (size < 0) return absentOrThrow("lgetxattr", Libc.errno(state), path + " " + name);
                MemorySegment buf = arena.allocate(Math.max(1, size));
                long got = (long) LGETXATTR.invokeExact(state, cPath, cName, buf, size);
                if (got >= 0) return Optional.of(buf.asSlice(0, got).toArray(ValueLayout.JAVA_BYTE));
                if (Libc.errno(state) != Errno.ERANGE) {
                    return absentOrThrow("lgetxattr", Libc.errno(state), path + " " + name);
                }
                // grew between the two calls: ask again
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Names of all extended attributes of the path (empty where the filesystem has none). */
    public static List<String> list(Path path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newState(arena);
            MemorySegment cPath = arena.allocateFrom(path.toString());
            while (true) {
                long size = (long) LLISTXATTR.invokeExact(state, cPath, MemorySegment.NULL, 0L);
                if (size < 0) {
                    if (Libc.errno(state) == Errno.EOPNOTSUPP) return List.of();
                    throw new SysException("llistxattr", Libc.errno(state), path.toString());
                }
                if (size == 0) return List.of();
                MemorySegment buf = arena.allocate(size);
                long got = (long) LLISTXATTR.invokeExact(state, cPath, buf, size);
                if (got >= 0) return splitNames(buf.asSlice(0, got).toArray(ValueLayout.JAVA_BYTE));
                if (Libc.errno(state) != Errno.ERANGE) {
                    throw new SysException("llistxattr", Libc.errno(state), path.toString());
                }
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static <T> Optional<T> absentOrThrow(String call, int errno, String subject) {
        if (errno == Errno.ENODATA || errno == Errno.EOPNOTSUPP) return Optional.empty();
        throw new SysException(call, errno, subject);
    }

    private static List<String> splitNames(byte[] raw) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                if (i > start) names.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return List.copyOf(names);
    }
}
