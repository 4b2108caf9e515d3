package dev.kiln.dockerfile.parser;

import dev.kiln.dockerfile.DockerfileException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the {@code # syntax=} directive. Kiln implements the Dockerfile frontend itself, so only
 * the official {@code docker/dockerfile} frontend images (whose syntax Kiln follows) are accepted;
 * any other frontend image is rejected instead of being silently ignored.
 */
public final class SyntaxDirective {
    private static final Pattern OWN_FRONTEND = Pattern.compile(
            "(docker\\.io/)?docker/dockerfile(:(1(\\.\\d+){0,2}(-labs)?|labs|latest))?(@sha256:[0-9a-f]{64})?");

    private SyntaxDirective() {}

    /** @throws DockerfileException at the directive's line when it names another frontend image */
    public static void check(ParsedDockerfile file) {
        Optional<String> value = file.directives().syntax();
        if (value.isEmpty()) {
            return;
        }
        String image = frontendImage(value.get());
        if (isKilnSyntax(image)) {
            return;
        }
        int line = directiveLine(file.lines());
        String text = line > 0 ? file.lines().get(line - 1) : null;
        int column = text == null ? 1 : Math.max(1, text.indexOf(image) + 1);
        throw new DockerfileException(file.fileName(), new SourceRange(line, column, line, column), text,
                "Kiln implements the Dockerfile frontend itself; frontend image " + image
                        + " is not supported. Remove the '# syntax=' line or use docker/dockerfile:1");
    }

    /** Whether a frontend image reference names the docker/dockerfile frontend Kiln implements. */
    public static boolean isKilnSyntax(String image) {
        return OWN_FRONTEND.matcher(image).matches();
    }

    /** The image is the first space-separated word of the value, as BuildKit's DetectSyntax takes it. */
    private static String frontendImage(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    /** The 1-based line of the syntax directive, found as the parser found it; 0 if absent. */
    private static int directiveLine(List<String> lines) {
        var scanner = new DirectiveScanner();
        for (int i = 0; i < lines.size(); i++) {
            Optional<DirectiveScanner.Directive> directive = scanner.accept(GoStrings.trimLeadingSpace(lines.get(i)));
            if (directive.isEmpty()) {
                return 0;
            }
            if (directive.get().name().equals(DirectiveScanner.SYNTAX)) {
                return i + 1;
            }
        }
        return 0;
    }
}
