package dev.kiln.dockerfile.lint;

import dev.kiln.dockerfile.parser.SourceRange;

/**
 * BuildKit's build checks (https://docs.docker.com/reference/build-checks/), by the names that
 * {@code # check=skip=…} and the printed warnings use. Experimental rules run only when
 * {@code experimental=} names them.
 */
public enum Rule {
    STAGE_NAME_CASING("StageNameCasing"),
    FROM_AS_CASING("FromAsCasing"),
    NO_EMPTY_CONTINUATION("NoEmptyContinuation"),
    CONSISTENT_INSTRUCTION_CASING("ConsistentInstructionCasing"),
    DUPLICATE_STAGE_NAME("DuplicateStageName"),
    RESERVED_STAGE_NAME("ReservedStageName"),
    JSON_ARGS_RECOMMENDED("JSONArgsRecommended"),
    MAINTAINER_DEPRECATED("MaintainerDeprecated"),
    UNDEFINED_ARG_IN_FROM("UndefinedArgInFrom"),
    WORKDIR_RELATIVE_PATH("WorkdirRelativePath"),
    UNDEFINED_VAR("UndefinedVar"),
    MULTIPLE_INSTRUCTIONS_DISALLOWED("MultipleInstructionsDisallowed"),
    LEGACY_KEY_VALUE_FORMAT("LegacyKeyValueFormat"),
    REDUNDANT_TARGET_PLATFORM("RedundantTargetPlatform"),
    SECRETS_USED_IN_ARG_OR_ENV("SecretsUsedInArgOrEnv"),
    INVALID_DEFAULT_ARG_IN_FROM("InvalidDefaultArgInFrom"),
    FROM_PLATFORM_FLAG_CONST_DISALLOWED("FromPlatformFlagConstDisallowed"),
    COPY_IGNORED_FILE("CopyIgnoredFile"),
    INVALID_DEFINITION_DESCRIPTION("InvalidDefinitionDescription", true),
    EXPOSE_PROTO_CASING("ExposeProtoCasing"),
    EXPOSE_INVALID_FORMAT("ExposeInvalidFormat");

    private final String id;
    private final boolean experimental;

    Rule(String id) {
        this(id, false);
    }

    Rule(String id, boolean experimental) {
        this.id = id;
        this.experimental = experimental;
    }

    /** The name as BuildKit spells it, e.g. {@code FromAsCasing}. */
    public String id() {
        return id;
    }

    /** Off unless {@code # check=experimental=<id>} (or {@code all}) turns it on. */
    public boolean experimental() {
        return experimental;
    }

    /** A finding of this rule at {@code range}, under the lint options of the instruction at {@code scopeLine}. */
    public Finding at(SourceRange range, int scopeLine, String detail) {
        return new Finding(this, detail, range, scopeLine);
    }
}
