package dev.kiln.dockerfile.ignore;

import java.util.BitSet;

/**
 * The result of matching one path during a top-down walk, handed to the calls for its children
 * so they need not re-check ancestors ({@code MatchesUsingParentResults}). {@link #NONE} means
 * "no information about the parent": the callee then checks every ancestor itself.
 */
public final class MatchState {
    public static final MatchState NONE = new MatchState(false, null);

    private final boolean excluded;
    private final BitSet patternMatched;

    MatchState(boolean excluded, BitSet patternMatched) {
        this.excluded = excluded;
        this.patternMatched = patternMatched;
    }

    /** True when the path is excluded from the build context. */
    public boolean excluded() {
        return excluded;
    }

    boolean hasParentInfo() {
        return patternMatched != null;
    }

    boolean patternMatched(int index) {
        return patternMatched != null && patternMatched.get(index);
    }
}
