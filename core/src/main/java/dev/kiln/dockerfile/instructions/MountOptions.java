package dev.kiln.dockerfile.instructions;

import dev.kiln.internal.paths.GoPath;
import java.util.Optional;
import java.util.function.Function;

/** The options of one {@code --mount} as read, before BuildKit's defaults and checks make a {@link Mount}. */
final class MountOptions {
    String type = "bind";
    /** The type holds a variable not yet expanded: type-dependent checks wait. */
    boolean typeDeferred;
    String from = "";
    String source = "";
    String target = "";
    String id = "";
    String env;
    Boolean readOnly;
    boolean required;
    Mount.CacheSharing sharing;
    long sizeBytes;
    Integer mode;
    Integer uid;
    Integer gid;

    /** @param validate false while some values are still unexpanded (their checks wait for expansion) */
    Mount build(boolean validate, Function<String, InstructionException> fail) {
        if (validate) {
            validate(fail);
        }
        return switch (type) {
            case "cache" -> new Mount.Cache(target, id.isEmpty() ? GoPath.clean(target) : id,
                    sharing == null ? Mount.CacheSharing.SHARED : sharing, optional(from), source,
                    orDefault(mode, 0755), orDefault(uid, 0), orDefault(gid, 0), readOnly != null && readOnly);
            case "tmpfs" -> new Mount.Tmpfs(target, sizeBytes);
            case "secret" -> secret();
            case "ssh" -> new Mount.Ssh(id.isEmpty() ? "default" : id, target, required, orDefault(mode, 0600),
                    orDefault(uid, 0), orDefault(gid, 0));
            default -> new Mount.Bind(target, source, optional(from), readOnly == null || readOnly);
        };
    }

    private Mount.Secret secret() {
        var secretId = !source.isEmpty() ? source : !id.isEmpty() ? id : GoPath.base(target);
        var dest = target;
        if (env == null && dest.isEmpty()) {
            dest = "/run/secrets/" + GoPath.base(secretId);
        }
        return new Mount.Secret(secretId, dest, Optional.ofNullable(env), required, orDefault(mode, 0400),
                orDefault(uid, 0), orDefault(gid, 0));
    }

    private void validate(Function<String, InstructionException> fail) {
        boolean fileInfoAllowed = type.equals("secret") || type.equals("ssh") || type.equals("cache");
        if (!fileInfoAllowed) {
            if (mode != null) {
                throw fail.apply("mode not allowed for " + Quote.go(type) + " type mounts");
            }
            if (uid != null) {
                throw fail.apply("uid not allowed for " + Quote.go(type) + " type mounts");
            }
            if (gid != null) {
                throw fail.apply("gid not allowed for " + Quote.go(type) + " type mounts");
            }
        }
        if (type.equals("secret")) {
            validateSecret(fail);
        }
        if (type.equals("ssh") && !source.isEmpty()) {
            throw fail.apply("ssh does not support source");
        }
        if (sharing != null && !type.equals("cache")) {
            throw fail.apply("invalid cache sharing set for " + type + " mount");
        }
    }

    private void validateSecret(Function<String, InstructionException> fail) {
        if (!from.isEmpty()) {
            throw fail.apply("secret mount should not have a from");
        }
        if (sharing != null) {
            throw fail.apply("secret mount should not define sharing");
        }
        if (source.isEmpty() && target.isEmpty() && id.isEmpty()) {
            throw fail.apply("invalid secret mount. one of source, target required");
        }
        if (!source.isEmpty() && !id.isEmpty()) {
            throw fail.apply("both source and id can't be set");
        }
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static int orDefault(Integer value, int defaultValue) {
        return value == null ? defaultValue : value;
    }
}
