package dev.kiln.solve.mount;

import dev.kiln.copy.ContextFilter;

/**
 * What {@code RUN --mount} reads from outside the Dockerfile: {@code --secret}s, {@code --ssh} agents
 * and the context's ignore rules.
 */
public record RunMountInputs(BuildSecrets secrets, SshForwards ssh, ContextFilter contextFilter) {
    public static RunMountInputs none() {
        return new RunMountInputs(BuildSecrets.none(), SshForwards.none(), ContextFilter.NONE);
    }
}
