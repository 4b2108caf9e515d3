package dev.kiln.dockerfile.instructions;

import java.util.Optional;

/**
 * One {@code RUN --mount}, with BuildKit's defaults applied. Paths are as written (a relative
 * target is resolved against the working directory by the plan).
 */
public sealed interface Mount {
    String target();

    /** {@code type=bind} (the default): a read-only (unless {@code rw}) view of the context or a stage. */
    record Bind(String target, String source, Optional<String> from, boolean readOnly) implements Mount {}

    /**
     * {@code type=cache}: a persistent directory kept between builds.
     *
     * @param id    defaults to the target
     * @param mode  defaults to {@code 0755}; uid and gid to 0
     */
    record Cache(String target, String id, CacheSharing sharing, Optional<String> from, String source,
                 int mode, int uid, int gid, boolean readOnly) implements Mount {}

    /** {@code type=tmpfs}; {@code sizeBytes} 0 means unlimited. */
    record Tmpfs(String target, long sizeBytes) implements Mount {}

    /**
     * {@code type=secret}.
     *
     * @param id     defaults to the target's base name
     * @param target defaults to {@code /run/secrets/<id>}; empty when only {@code env} is given
     * @param env    the environment variable the secret is exposed as
     * @param mode   defaults to {@code 0400}; uid and gid to 0
     */
    record Secret(String id, String target, Optional<String> env, boolean required, int mode, int uid, int gid)
            implements Mount {}

    /**
     * {@code type=ssh}: the SSH agent socket.
     *
     * @param id     defaults to {@code default}
     * @param target empty when not given (the plan picks {@code /run/buildkit/ssh_agent.N})
     * @param mode   defaults to {@code 0600}; uid and gid to 0
     */
    record Ssh(String id, String target, boolean required, int mode, int uid, int gid) implements Mount {}

    /** How concurrent builds share a cache mount. */
    enum CacheSharing { SHARED, PRIVATE, LOCKED }
}
