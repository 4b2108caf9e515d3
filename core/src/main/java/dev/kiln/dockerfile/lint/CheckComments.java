package dev.kiln.dockerfile.lint;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.parser.Node;
import dev.kiln.dockerfile.parser.ParsedDockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The comments right above each instruction, as BuildKit's parser keeps them ({@code PrevComment}):
 * comment lines since the previous instruction, text after the {@code #} trimmed; a bare {@code #}
 * starts the list afresh, blank lines do not, and the parser directives at the top are left out.
 * A {@code # check=…} among them adds to the lint options of that one instruction.
 */
public final class CheckComments {
    private static final Pattern DIRECTIVE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> DIRECTIVE_NAMES = Set.of("syntax", "escape", "check");
    private static final CheckComments NONE = new CheckComments(Map.of());

    private final Map<Integer, List<String>> byLine;

    private CheckComments(Map<Integer, List<String>> byLine) {
        this.byLine = byLine;
    }

    public static CheckComments none() {
        return NONE;
    }

    /** Indexes the comments above each instruction by the instruction's first line. */
    public static CheckComments of(ParsedDockerfile dockerfile) {
        var lines = dockerfile.lines();
        if (lines == null || lines.isEmpty()) {
            return NONE;
        }
        int directivesEnd = directiveLines(lines);
        var byLine = new HashMap<Integer, List<String>>();
        int previousEnd = 0;
        for (Node node : dockerfile.children()) {
            int start = node.range().startLine();
            var comments = new ArrayList<String>();
            for (int line = Math.max(previousEnd + 1, directivesEnd + 1); line < start; line++) {
                collect(lines.get(line - 1), comments);
            }
            byLine.put(start, List.copyOf(comments));
            previousEnd = node.range().endLine();
        }
        return new CheckComments(Map.copyOf(byLine));
    }

    /** The comments above the instruction starting at {@code line}. */
    public List<String> above(int line) {
        return byLine.getOrDefault(line, List.of());
    }

    /**
     * The options for a finding scoped to the instruction at {@code line}: the file's options plus
     * the first {@code check=} comment above it (one that does not parse is ignored, as in BuildKit).
     */
    public CheckOptions optionsAt(CheckOptions fileOptions, int line) {
        if (line == Finding.FILE_SCOPE) {
            return fileOptions;
        }
        for (var comment : above(line)) {
            var value = checkValue(comment);
            if (value.isPresent()) {
                try {
                    return fileOptions.plus(CheckOptions.parse(value.get()));
                } catch (KilnException e) {
                    return fileOptions;
                }
            }
        }
        return fileOptions;
    }

    /** The value of a {@code check=} comment, cut at its first space (the rest is a remark). */
    static Optional<String> checkValue(String comment) {
        var matcher = DIRECTIVE.matcher(comment.stripLeading());
        if (!matcher.matches() || !matcher.group(1).toLowerCase(Locale.ROOT).equals("check")) {
            return Optional.empty();
        }
        return Optional.of(cutRemark(matcher.group(2)));
    }

    /** A {@code check} value up to its first space: {@code skip=all // why} means {@code skip=all}. */
    static String cutRemark(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    private static void collect(String line, List<String> comments) {
        if (!line.stripLeading().startsWith("#")) {
            return;
        }
        // BuildKit drops the first byte of the raw line, then trims.
        var text = line.substring(1).strip();
        if (text.isEmpty()) {
            comments.clear();
        } else {
            comments.add(text);
        }
    }

    /** How many lines at the top are parser directives. */
    private static int directiveLines(List<String> lines) {
        int count = 0;
        for (var line : lines) {
            var trimmed = line.stripLeading();
            if (!trimmed.startsWith("#")) {
                break;
            }
            var matcher = DIRECTIVE.matcher(trimmed.substring(1).stripLeading());
            if (!matcher.matches() || !DIRECTIVE_NAMES.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                break;
            }
            count++;
        }
        return count;
    }
}
