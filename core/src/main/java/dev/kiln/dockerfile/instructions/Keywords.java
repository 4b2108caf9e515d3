package dev.kiln.dockerfile.instructions;

import java.util.List;

/** The instruction keywords BuildKit knows. */
final class Keywords {
    static final List<String> ALL = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

    private Keywords() {}

    static String of(Instruction instruction) {
        return switch (instruction) {
            case Add a -> "ADD";
            case Arg a -> "ARG";
            case Cmd c -> "CMD";
            case Copy c -> "COPY";
            case Entrypoint e -> "ENTRYPOINT";
            case Env e -> "ENV";
            case Expose e -> "EXPOSE";
            case From f -> "FROM";
            case Healthcheck h -> "HEALTHCHECK";
            case Label l -> "LABEL";
            case Maintainer m -> "MAINTAINER";
            case Onbuild o -> "ONBUILD";
            case Run r -> "RUN";
            case Shell s -> "SHELL";
            case StopSignal s -> "STOPSIGNAL";
            case User u -> "USER";
            case Volume v -> "VOLUME";
            case Workdir w -> "WORKDIR";
        };
    }
}
