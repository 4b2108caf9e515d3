package dev.kiln.cli;

import dev.kiln.copy.BuildContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A guess at {@code kiln build}'s context and Dockerfile from the raw arguments, made before picocli
 * has read its model of the command (a tenth of a second on a cold JVM), so that the context walk,
 * the longest part of a no-op rebuild, runs on another core meanwhile. {@link BuildCommand} uses the
 * walk only when the parsed context and Dockerfile are the guessed ones: a wrong guess costs a
 * wasted walk, never a wrong result.
 */
final class ContextPrefetch {
    static final ContextPrefetch NONE = new ContextPrefetch(null, null, null);

    private final Path context;
    private final Path dockerfile;
    private final BuildContext walking;

    private ContextPrefetch(Path context, Path dockerfile, BuildContext walking) {
        this.context = context;
        this.dockerfile = dockerfile;
        this.walking = walking;
    }

    /** Starts walking the context {@code args} (those after {@code build}) seem to name; NONE when unsure. */
    static ContextPrefetch start(String[] args) {
        if (args.length == 0) {
            return NONE;
        }
        String last = args[args.length - 1];
        String fileFlag = fileFlag(args);
        if (last.startsWith("-") || "-".equals(fileFlag)) {
            return NONE;
        }
        try {
            Path context = Path.of(last);
            if (!Files.isDirectory(context)) {
                return NONE;
            }
            Path dockerfile = fileFlag == null ? context.resolve("Dockerfile") : Path.of(fileFlag);
            return new ContextPrefetch(context, dockerfile, BuildContext.open(context, dockerfile).walkInBackground());
        } catch (RuntimeException e) { // an odd path or an unreadable .dockerignore: the build itself will say
            return NONE;
        }
    }

    /** The walk started for exactly this context and Dockerfile, if that is what was guessed. */
    Optional<BuildContext> walkFor(Path parsedContext, Path parsedDockerfile) {
        if (walking == null || !context.equals(parsedContext) || !dockerfile.equals(parsedDockerfile)) {
            return Optional.empty();
        }
        return Optional.of(walking);
    }

    /** The value of the last {@code -f}/{@code --file} (picocli's spellings), or null. */
    private static String fileFlag(String[] args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("-f") || arg.equals("--file")) && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith("--file=")) {
                value = arg.substring("--file=".length());
            } else if (arg.startsWith("-f") && arg.length() > 2 && !arg.startsWith("--")) {
                value = arg.substring(arg.charAt(2) == '=' ? 3 : 2);
            }
        }
        return value;
    }
}
