package dev.kiln.exec;

import dev.kiln.internal.users.UserDatabase;
import java.nio.file.Path;
import java.util.List;

/**
 * The shell script that runs inside fresh mount/pid/ipc/uts(/net) namespaces as their pid 1: it mounts
 * what a container expects under the root, then execs {@code env -i … unshare --root … -- args} so the
 * step's process replaces it, chrooted, with exactly its own environment.
 */
final class ChrootScript {
    private static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

    private ChrootScript() {}

    /** {@code binds} (the /etc files first) name host paths of mount points already created in the root. */
    static String of(ExecSpec spec, Path root, List<ResolvedBind> binds, List<ResolvedTmpfs> tmpfs) {
        StringBuilder s = new StringBuilder("set -e\n");
        String r = quote(root.toString());
        s.append("mount -t proc -o nosuid,noexec,nodev proc ").append(r).append("/proc\n");
        s.append("mount -t tmpfs -o nosuid,strictatime,mode=755,size=65536k tmpfs ").append(r).append("/dev\n");
        for (String d : DEVICES) {
            s.append(": > ").append(r).append("/dev/").append(d)
                    .append(" && mount --bind /dev/").append(d).append(' ').append(r).append("/dev/").append(d).append('\n');
        }
        s.append("mkdir ").append(r).append("/dev/pts ").append(r).append("/dev/shm ").append(r).append("/dev/mqueue\n");
        s.append("mount -t devpts -o nosuid,noexec,newinstance,ptmxmode=0666,mode=0620,gid=5 devpts ").append(r).append("/dev/pts\n");
        s.append("mount -t tmpfs -o nosuid,noexec,nodev,mode=1777,size=65536k shm ").append(r).append("/dev/shm\n");
        s.append("mount -t mqueue -o nosuid,noexec,nodev mqueue ").append(r).append("/dev/mqueue\n");
        s.append("ln -s pts/ptmx ").append(r).append("/dev/ptmx && ln -s /proc/self/fd ").append(r).append("/dev/fd\n");
        s.append("ln -s /proc/self/fd/0 ").append(r).append("/dev/stdin && ln -s /proc/self/fd/1 ").append(r)
                .append("/dev/stdout && ln -s /proc/self/fd/2 ").append(r).append("/dev/stderr\n");
        s.append("mount -t sysfs -o ro,nosuid,noexec,nodev sysfs ").append(r).append("/sys\n");
        for (ResolvedBind b : binds) bind(s, b.source(), b.target(), b.readOnly());
        for (ResolvedTmpfs t : tmpfs) {
            s.append("mount -t tmpfs -o ").append(String.join(",", t.options())).append(" tmpfs ")
                    .append(quote(t.target().toString())).append('\n');
        }
        s.append("echo ").append(quote(spec.hostname())).append(" > /proc/sys/kernel/hostname\n");
        if (spec.network() == ExecSpec.Network.NONE) {
            s.append("if command -v ip >/dev/null; then ip link set lo up; fi\n");
        }
        s.append("exec env -i \"$@\"\n");
        return s.toString();
    }

    /** The arguments after the script: env entries, then unshare entering the root as the step's user. */
    static List<String> arguments(ExecSpec spec, Path root) {
        List<String> args = new java.util.ArrayList<>(spec.env());
        if (spec.env().stream().noneMatch(e -> e.startsWith("HOME="))) args.add("HOME=" + UserDatabase.of(root).home(spec.user().uid()));
        args.addAll(List.of("unshare", "--root=" + root, "--wd=" + spec.cwd(),
                "--setgid", Integer.toString(spec.user().gid()), "--setuid", Integer.toString(spec.user().uid()), "--"));
        args.addAll(spec.args());
        return args;
    }

    record ResolvedBind(Path source, Path target, boolean readOnly) {}

    record ResolvedTmpfs(Path target, List<String> options) {}

    private static void bind(StringBuilder s, Path source, Path target, boolean readOnly) {
        // a target under a tmpfs this script mounted (e.g. /dev) lost its stub: make it again
        var t = quote(target.toString());
        if (java.nio.file.Files.isDirectory(source)) {
            s.append("[ -e ").append(t).append(" ] || mkdir -p ").append(t).append('\n');
        } else {
            s.append("[ -e ").append(t).append(" ] || { mkdir -p ").append(quote(target.getParent().toString()))
                    .append(" && : > ").append(t).append("; }\n");
        }
        s.append("mount --rbind ").append(quote(source.toString())).append(' ').append(quote(target.toString())).append('\n');
        if (readOnly) s.append("mount -o remount,bind,ro ").append(quote(target.toString())).append('\n');
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
