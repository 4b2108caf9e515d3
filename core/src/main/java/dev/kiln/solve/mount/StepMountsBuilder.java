package dev.kiln.solve.mount;

import dev.kiln.copy.ContextFilter;
import dev.kiln.dockerfile.instructions.Mount;
import dev.kiln.exec.ExecSpec;
import dev.kiln.internal.cleanup.ShutdownCleanup;
import dev.kiln.internal.paths.RootedPaths;
import dev.kiln.plan.StepSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a step's {@code --mount}s into host paths, binds, tmpfs mounts and variables, one mount at a time. */
final class StepMountsBuilder {
    static final String SSH_AUTH_SOCK = "SSH_AUTH_SOCK";

    private final MountSetup setup;
    private final Iterator<StepSource> sources;
    private final String workdir;
    private final List<ExecSpec.BindMount> binds = new ArrayList<>();
    private final List<ExecSpec.TmpfsMount> tmpfs = new ArrayList<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final List<AutoCloseable> held = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private SecretFiles secretFiles;
    private Path contextCopy;
    private int sshIndex;

    StepMountsBuilder(MountSetup setup, List<StepSource> sources, String workdir) {
        this.setup = setup;
        this.sources = sources.iterator();
        this.workdir = workdir;
    }

    StepMounts build(List<Mount> mounts, Path rootfs) {
        try {
            mounts.forEach(this::add);
            var filter = MountPointFilter.before(rootfs, targets);
            return new StepMounts(binds, tmpfs, overrides, defaults, filter, held);
        } catch (RuntimeException e) {
            try {
                new StepMounts(List.of(), List.of(), Map.of(), Map.of(), null, held).close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void add(Mount mount) {
        switch (mount) {
            case Mount.Bind bind -> bind(bind);
            case Mount.Cache cache -> cache(cache);
            case Mount.Tmpfs t -> tmpfs.add(new ExecSpec.TmpfsMount(target(t.target()), t.sizeBytes()));
            case Mount.Secret secret -> secret(secret);
            case Mount.Ssh ssh -> ssh(ssh);
        }
    }

    private void bind(Mount.Bind bind) {
        var target = target(bind.target());
        var base = bind.from().isPresent() ? open(bind.from().get()).path() : contextView(!bind.readOnly());
        var source = MountSources.existing(base, bind.source(), "bind mount source");
        binds.add(new ExecSpec.BindMount(source, target, bind.readOnly()));
    }

    private void cache(Mount.Cache cache) {
        var target = target(cache.target());
        Optional<SourceRoot> seed = cache.from().map(this::open);
        var lease = new CacheMounts(setup.cacheRoot()).acquire(cache, seed);
        held.add(lease);
        binds.add(new ExecSpec.BindMount(lease.dir(), target, cache.readOnly()));
    }

    private void secret(Mount.Secret secret) {
        var content = setup.inputs().secrets().read(secret.id(), setup.environment());
        if (content.isEmpty()) {
            if (secret.required()) {
                throw new MountException("secret " + secret.id() + " is required by RUN --mount=type=secret but was "
                        + "not given; pass it with kiln build --secret id=" + secret.id() + ",src=FILE (or env=VARIABLE)");
            }
            return; // an optional secret that was not given is skipped, as BuildKit does
        }
        secret.env().ifPresent(name -> overrides.put(name, new String(content.get(), StandardCharsets.UTF_8)));
        if (!secret.target().isEmpty()) {
            var target = target(secret.target());
            var file = secretFiles().write(content.get(), secret.mode(), secret.uid(), secret.gid());
            binds.add(new ExecSpec.BindMount(file, target, true));
        }
    }

    private void ssh(Mount.Ssh ssh) {
        int index = sshIndex++;
        var paths = setup.inputs().ssh().byId().get(ssh.id());
        if (paths == null) {
            if (ssh.required()) {
                throw new MountException("ssh agent " + ssh.id() + " is required by RUN --mount=type=ssh but was not "
                        + "forwarded; pass it with kiln build --ssh " + ssh.id()
                        + (ssh.id().equals("default") ? " (with SSH_AUTH_SOCK set)" : "=SOCKET_OR_KEY"));
            }
            return;
        }
        var target = target(ssh.target().isEmpty() ? "/run/buildkit/ssh_agent." + index : ssh.target());
        var dir = MountSources.tempDir(setup.workRoot(), "ssh-");
        hold("ssh dir " + dir, () -> MountSources.deleteTree(dir));
        var upstream = SshAgents.socketFor(ssh.id(), paths, dir);
        upstream.agent().ifPresent(agent -> hold("ssh-agent for " + ssh.id(), agent));
        var proxy = SshAgentProxy.start(upstream.socket(), dir.resolve("agent.sock"), ssh.mode(), ssh.uid(),
                ssh.gid());
        hold("ssh proxy " + proxy.socket(), proxy);
        binds.add(new ExecSpec.BindMount(proxy.socket(), target, false));
        defaults.putIfAbsent(SSH_AUTH_SOCK, target);
    }

    private String target(String written) {
        var target = RootedPaths.absolute(workdir, written);
        if (target.equals("/")) {
            throw new MountException("RUN --mount target " + written + " is the root directory; mount somewhere below /");
        }
        targets.add(target);
        return target;
    }

    private SourceRoot open(String from) {
        if (!sources.hasNext()) {
            throw new MountException("RUN --mount from=" + from + " names no stage or image of the build plan");
        }
        var root = setup.roots().open(sources.next());
        hold("root of " + from, root);
        return root;
    }

    /** The context as the step may see it: itself when read-only and nothing is ignored, else a private copy. */
    private Path contextView(boolean writable) {
        var context = setup.context().toAbsolutePath();
        var filter = setup.inputs().contextFilter();
        if (!writable && filter == ContextFilter.NONE) return context;
        if (!writable && contextCopy != null) return contextCopy;
        var dir = MountSources.tempDir(setup.workRoot(), "context-");
        hold("context copy " + dir, () -> MountSources.deleteTree(dir));
        var copy = dir.resolve("root");
        try {
            TreeCopy.copy(context, copy, filter::excluded);
        } catch (java.io.IOException e) {
            throw new MountException("cannot copy the build context " + context + " for RUN --mount: "
                    + e.getMessage(), e);
        }
        if (!writable) contextCopy = copy;
        return copy;
    }

    private SecretFiles secretFiles() {
        if (secretFiles == null) {
            secretFiles = SecretFiles.create(setup.workRoot());
            hold("secret files", secretFiles);
        }
        return secretFiles;
    }

    /** Held until the step ends, and released at JVM shutdown if Kiln is interrupted first. */
    private void hold(String what, AutoCloseable resource) {
        held.add(ShutdownCleanup.register(what, resource));
    }
}
