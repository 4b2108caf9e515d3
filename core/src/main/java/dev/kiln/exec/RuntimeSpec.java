package dev.kiln.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OCI runtime spec (config.json) for one step, with BuildKit's defaults. */
final class RuntimeSpec {
    /** BuildKit's default capability set (oci.DefaultCaps), the same as Docker's. */
    static final List<String> DEFAULT_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
            "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
    static final List<String> MASKED_PATHS = List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware");
    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    private RuntimeSpec() {}

    static Map<String, Object> of(ExecSpec spec, EtcFiles etc) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ociVersion", "1.0.2");
        config.put("process", process(spec));
        config.put("root", Map.of("path", spec.rootfs().toAbsolutePath().toString(), "readonly", false));
        config.put("hostname", spec.hostname());
        config.put("mounts", mounts(spec, etc));
        config.put("linux", linux(spec));
        return config;
    }

    private static Map<String, Object> process(ExecSpec spec) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("uid", spec.user().uid());
        user.put("gid", spec.user().gid());
        if (!spec.user().additionalGids().isEmpty()) user.put("additionalGids", spec.user().additionalGids());
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("terminal", false);
        process.put("user", user);
        process.put("args", spec.args());
        process.put("env", spec.env());
        process.put("cwd", spec.cwd());
        process.put("capabilities", Map.of("bounding", DEFAULT_CAPABILITIES, "effective", DEFAULT_CAPABILITIES,
                "permitted", DEFAULT_CAPABILITIES));
        process.put("rlimits", List.of(Map.of("type", "RLIMIT_NOFILE", "hard", 1024, "soft", 1024)));
        process.put("noNewPrivileges", false);
        return process;
    }

    private static List<Map<String, Object>> mounts(ExecSpec spec, EtcFiles etc) {
        List<Map<String, Object>> mounts = new ArrayList<>(List.of(
                mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
                mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                mount("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")),
                mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
                bind(etc.hosts().toString(), "/etc/hosts", true),
                bind(etc.resolvConf().toString(), "/etc/resolv.conf", true)));
        for (ExecSpec.BindMount m : spec.mounts()) {
            mounts.add(bind(m.source().toAbsolutePath().toString(), m.destination(), m.readOnly()));
        }
        for (ExecSpec.TmpfsMount t : spec.tmpfs()) {
            mounts.add(mount(t.destination(), "tmpfs", "tmpfs", t.options()));
        }
        return mounts;
    }

    private static Map<String, Object> linux(ExecSpec spec) {
        List<Map<String, Object>> namespaces = new ArrayList<>();
        for (String type : List.of("pid", "ipc", "uts", "mount")) namespaces.add(Map.of("type", type));
        if (spec.network() == ExecSpec.Network.NONE) namespaces.add(Map.of("type", "network"));
        Map<String, Object> linux = new LinkedHashMap<>();
        linux.put("namespaces", namespaces);
        linux.put("maskedPaths", MASKED_PATHS);
        linux.put("readonlyPaths", READONLY_PATHS);
        linux.put("resources", Map.of("devices", List.of(Map.of("allow", false, "access", "rwm"))));
        return linux;
    }

    private static Map<String, Object> mount(String destination, String type, String source, List<String> options) {
        return Map.of("destination", destination, "type", type, "source", source, "options", options);
    }

    private static Map<String, Object> bind(String source, String destination, boolean readOnly) {
        List<String> options = new ArrayList<>(List.of("rbind"));
        options.add(readOnly ? "ro" : "rw");
        return mount(destination, "bind", source, options);
    }

    static List<String> destinations(ExecSpec spec) {
        List<String> all = new ArrayList<>(List.of("/proc", "/dev", "/sys", "/etc/hosts", "/etc/resolv.conf"));
        spec.mounts().forEach(m -> all.add(m.destination()));
        spec.tmpfs().forEach(t -> all.add(t.destination()));
        return all;
    }
}
