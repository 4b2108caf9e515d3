package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Platform;
import dev.kiln.internal.cleanup.ShutdownCleanup;
import dev.kiln.internal.paths.RootedPaths;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code kiln run}: an image from the local store run like {@code docker run}, with the executor RUN steps
 * use, over a throwaway snapshot of its layers, attached to Kiln's stdin, stdout and stderr.
 */
public final class ImageRunner {
    /**
     * @param image   the image's name in the local store
     * @param command replaces the image's CMD when not empty (the ENTRYPOINT stays)
     * @param env     {@code -e} values: {@code K=V}, or {@code K} to pass Kiln's own value of K
     * @param user    {@code -u}, replacing the image's USER
     * @param workdir {@code -w}, replacing the image's WorkingDir
     */
    public record Request(String image, List<String> command, List<String> env, Optional<String> user,
                          Optional<String> workdir, ExecSpec.Network network, Platform platform) {
        public Request {
            command = List.copyOf(command);
            env = List.copyOf(env);
        }
    }

    private ImageRunner() {}

    /** Runs the image's process to its end; returns its exit code (128 + signal when killed). */
    public static int run(BuildServices services, Request request, Map<String, String> hostEnv) {
        var image = new BaseImages(services.store(), services::registry, false, StepLog.SILENT).resolve(request.image(), request.platform()).image();
        var container = image.config().config();
        var argv = argv(container.entrypoint(), container.cmd(), request.command(), request.image());
        var lowers = image.layers().stream().map(l -> services.snapshots().unpacked(l.blob(), l.diffId())).toList();
        var snapshot = services.snapshotter().prepare(lowers);
        try (var guard = ShutdownCleanup.register("the root of " + request.image(), snapshot)) {
            var hostname = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
            var workdir = request.workdir().orElse(container.workingDir());
            var spec = new ExecSpec(snapshot.root(), argv, environment(container.env(), request.env(), hostEnv, hostname),
                    workdir.isEmpty() ? "/" : RootedPaths.absolute(container.workingDir(), workdir),
                    UserLookup.in(snapshot.root()).resolve(request.user().orElse(container.user())),
                    request.network(), hostname, List.of());
            return services.executor().runAttached(spec);
        }
    }

    /** docker's rule: ENTRYPOINT, then the given command or else the image's CMD. */
    static List<String> argv(List<String> entrypoint, List<String> cmd, List<String> given, String image) {
        var argv = new ArrayList<String>(entrypoint == null ? List.of() : entrypoint);
        argv.addAll(given.isEmpty() ? (cmd == null ? List.of() : cmd) : given);
        if (argv.isEmpty()) {
            throw new KilnException("image " + image + " has no ENTRYPOINT or CMD; give the command to run after "
                    + "the image name");
        }
        return argv;
    }

    /** The image's Env, HOSTNAME and a default PATH, then {@code -e} values. */
    static List<String> environment(List<String> imageEnv, List<String> overrides, Map<String, String> hostEnv,
                                    String hostname) {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", ImageConfig.DEFAULT_PATH);
        env.put("HOSTNAME", hostname);
        for (var entry : imageEnv == null ? List.<String>of() : imageEnv) put(env, entry);
        for (var entry : overrides) {
            if (entry.contains("=")) put(env, entry);
            else if (hostEnv.containsKey(entry)) env.put(entry, hostEnv.get(entry));
            else env.remove(entry);
        }
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static void put(Map<String, String> env, String entry) {
        int eq = entry.indexOf('=');
        env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
    }
}
