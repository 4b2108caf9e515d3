package dev.kiln.plan;

import java.util.Set;

/**
 * What the checks of a built stage hand to a stage built FROM it, as BuildKit's state carries it.
 *
 * @param envKnown     whether every variable of the base is known at plan time (false under an
 *                     image, whose ENV is only read when it is pulled)
 * @param declaredArgs every ARG name declared, with or without a value
 * @param workdirSet   whether a WORKDIR was set in this Dockerfile
 * @param shellSet     whether a SHELL was set (an image's own SHELL is taken as unset)
 */
record StageLintState(boolean envKnown, Set<String> declaredArgs, boolean workdirSet, boolean shellSet) {
    static final StageLintState SCRATCH = new StageLintState(true, Set.of(), false, false);
    static final StageLintState IMAGE = new StageLintState(false, Set.of(), false, false);

    StageLintState {
        declaredArgs = Set.copyOf(declaredArgs);
    }
}
