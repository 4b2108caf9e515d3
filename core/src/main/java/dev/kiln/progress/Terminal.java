package dev.kiln.progress;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Whether a file descriptor is a terminal, and its size, via {@code isatty(3)} and the
 * {@code TIOCGWINSZ} ioctl (Java has no API for either). Anything that goes wrong reads as
 * "unknown", never as an error: the display then falls back to plain text or 80 columns.
 */
final class Terminal {
    /** The window size as the kernel reports it. */
    record Size(int columns, int rows) {}

    static final int STDERR = 2;
    private static final long TIOCGWINSZ = 0x5413; // x86_64, aarch64, riscv64, s390x; other ABIs read as unknown
    private static final MethodHandle ISATTY = downcall("isatty",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle IOCTL = downcall("ioctl",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
            Linker.Option.firstVariadicArg(2));

    private Terminal() {}

    static Optional<Boolean> isTerminal(int fd) {
        if (ISATTY == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((int) ISATTY.invokeExact(fd) == 1);
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    static Optional<Size> size(int fd) {
        if (IOCTL == null || !isLinuxWithGenericIoctls()) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment winsize = arena.allocate(8); // struct winsize { u16 rows, cols, xpixel, ypixel }
            int result = (int) IOCTL.invokeExact(fd, TIOCGWINSZ, winsize);
            int rows = Short.toUnsignedInt(winsize.get(ValueLayout.JAVA_SHORT, 0));
            int columns = Short.toUnsignedInt(winsize.get(ValueLayout.JAVA_SHORT, 2));
            return result == 0 && columns > 0 ? Optional.of(new Size(columns, rows)) : Optional.empty();
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    private static boolean isLinuxWithGenericIoctls() {
        String arch = System.getProperty("os.arch", "");
        return System.getProperty("os.name", "").equals("Linux")
                && (arch.equals("amd64") || arch.equals("aarch64") || arch.equals("riscv64") || arch.equals("s390x"));
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name)
                    .map(symbol -> linker.downcallHandle(symbol, descriptor, options)).orElse(null);
        } catch (RuntimeException e) { // e.g. native access denied
            return null;
        }
    }
}
