package dev.kiln.exec;

import dev.kiln.image.ImageConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One process to run in a root filesystem, as a RUN step needs it.
 *
 * @param rootfs   the directory that becomes "/" (usually an {@code ActiveSnapshot.root()})
 * @param args     argv; args[0] is looked up on the PATH given in {@code env}
 * @param env      "NAME=value" entries, exactly the process environment
 * @param cwd      absolute working directory inside the root; created when missing
 * @param network  {@link Network#HOST} shares the host's network, {@link Network#NONE} gives only loopback
 * @param mounts   extra bind mounts (of directories, files or sockets), applied after the standard ones
 * @param tmpfs    tmpfs mounts, applied after the bind mounts
 */
public record ExecSpec(Path rootfs, List<String> args, List<String> env, String cwd, User user, Network network,
                       String hostname, List<BindMount> mounts, List<TmpfsMount> tmpfs) {

    public enum Network { HOST, NONE }

    /** Numeric identity of the process; names are resolved by the caller (from the image's /etc/passwd). */
    public record User(int uid, int gid, List<Integer> additionalGids) {
        public static final User ROOT = new User(0, 0, List.of());

        public User {
            additionalGids = List.copyOf(additionalGids);
        }
    }

    /** A host path made visible at {@code destination} (absolute, inside the root). */
    public record BindMount(Path source, String destination, boolean readOnly) {
        public BindMount {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** A fresh tmpfs at {@code destination}; {@code sizeBytes} 0 means the kernel's default limit. */
    public record TmpfsMount(String destination, long sizeBytes) {
        public TmpfsMount {
            Objects.requireNonNull(destination, "destination");
            if (sizeBytes < 0) throw new ExecException("tmpfs size must not be negative: " + sizeBytes);
        }

        /** The mount options, as BuildKit gives a {@code RUN --mount=type=tmpfs}. */
        public List<String> options() {
            return sizeBytes == 0 ? List.of("nosuid", "strictatime")
                    : List.of("nosuid", "strictatime", "size=" + sizeBytes);
        }
    }

    public static final String DEFAULT_HOSTNAME = "buildkitsandbox";

    public ExecSpec {
        Objects.requireNonNull(rootfs, "rootfs");
        args = List.copyOf(args);
        env = List.copyOf(env);
        mounts = List.copyOf(mounts);
        tmpfs = List.copyOf(tmpfs);
        if (args.isEmpty()) throw new ExecException("a RUN step needs a command; got an empty argument list");
        if (!cwd.startsWith("/")) throw new ExecException("working directory " + cwd + " must be absolute");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(hostname, "hostname");
    }

    /** Without tmpfs mounts. */
    public ExecSpec(Path rootfs, List<String> args, List<String> env, String cwd, User user, Network network,
                    String hostname, List<BindMount> mounts) {
        this(rootfs, args, env, cwd, user, network, hostname, mounts, List.of());
    }

    /** {@code sh -c script} as root in "/", host network, PATH only. */
    public static ExecSpec shell(Path rootfs, String script) {
        return new ExecSpec(rootfs, List.of("/bin/sh", "-c", script), List.of("PATH=" + ImageConfig.DEFAULT_PATH), "/",
                User.ROOT, Network.HOST, DEFAULT_HOSTNAME, List.of());
    }

    public ExecSpec withNetwork(Network n) {
        return new ExecSpec(rootfs, args, env, cwd, user, n, hostname, mounts, tmpfs);
    }

    public ExecSpec withUser(User u) {
        return new ExecSpec(rootfs, args, env, cwd, u, network, hostname, mounts, tmpfs);
    }

    public ExecSpec withCwd(String dir) {
        return new ExecSpec(rootfs, args, env, dir, user, network, hostname, mounts, tmpfs);
    }

    public ExecSpec withEnv(List<String> e) {
        return new ExecSpec(rootfs, args, e, cwd, user, network, hostname, mounts, tmpfs);
    }

    public ExecSpec withTmpfs(List<TmpfsMount> t) {
        return new ExecSpec(rootfs, args, env, cwd, user, network, hostname, mounts, t);
    }

    public ExecSpec withMounts(List<BindMount> m) {
        return new ExecSpec(rootfs, args, env, cwd, user, network, hostname, m, tmpfs);
    }
}
