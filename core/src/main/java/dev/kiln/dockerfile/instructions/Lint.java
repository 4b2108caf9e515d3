package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.lint.CheckComments;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.lint.Rule;
import dev.kiln.dockerfile.parser.DockerfileParser;
import dev.kiln.dockerfile.parser.Node;
import dev.kiln.dockerfile.parser.ParseWarning;
import dev.kiln.dockerfile.parser.SourceRange;

import java.util.List;
import java.util.Locale;

/**
 * The checks BuildKit runs while reading instructions (instructions.Parse), on every stage,
 * built or not. Each finding is scoped to its instruction, whose {@code # check=} comment applies.
 */
final class Lint {
    private Lint() {}

    static void beforeParse(Node node, List<Finding> findings) {
        int scope = node.range().startLine();
        switch (node.value()) {
            case "maintainer" -> findings.add(Rule.MAINTAINER_DEPRECATED.at(node.range(), scope,
                    "Maintainer instruction is deprecated in favor of using label"));
            case "from" -> fromCasing(node, scope, findings);
            default -> { }
        }
    }

    private static void fromCasing(Node node, int scope, List<Finding> findings) {
        var args = node.args();
        if (args == null || args.size() != 3) {
            return;
        }
        var name = args.get(2);
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            findings.add(Rule.STAGE_NAME_CASING.at(node.range(), scope, "Stage name '" + name + "' should be lowercase"));
        }
        var keyword = node.keyword();
        var as = args.get(1);
        boolean fromLower = keyword.equals(keyword.toLowerCase(Locale.ROOT));
        boolean fromUpper = keyword.equals(keyword.toUpperCase(Locale.ROOT));
        boolean mismatch = fromLower ? !as.equals(as.toLowerCase(Locale.ROOT))
                : fromUpper && !as.equals(as.toUpperCase(Locale.ROOT));
        if (mismatch) {
            findings.add(Rule.FROM_AS_CASING.at(node.range(), scope,
                    "'" + as + "' and '" + keyword + "' keywords' casing do not match"));
        }
    }

    /**
     * InvalidDefinitionDescription (experimental): the last comment above a named FROM or an ARG
     * should start with the stage or argument name.
     */
    static void afterParse(Instruction instruction, CheckComments comments, List<Finding> findings) {
        var keys = switch (instruction) {
            case From from -> from.stageName().map(List::of).orElse(List.of());
            case Arg arg -> arg.definitions().stream().map(ArgDefinition::name).toList();
            default -> List.<String>of();
        };
        int line = instruction.range().startLine();
        var above = comments.above(line);
        if (keys.isEmpty() || above.isEmpty() || keys.contains(above.getLast().split(" ", -1)[0])) {
            return;
        }
        var example = keys.size() > 1 ? "<arg_key>" : keys.getFirst();
        findings.add(Rule.INVALID_DEFINITION_DESCRIPTION.at(instruction.range(), line, "Comment for "
                + instruction.keyword() + " should follow the format: `# " + example + " <description>`"));
    }

    /** The parser's empty-continuation warning as BuildKit reports it: at the instruction's last line. */
    static Finding emptyContinuation(ParseWarning warning) {
        int last = warning.range().endLine();
        return Rule.NO_EMPTY_CONTINUATION.at(SourceRange.lines(last, last), Finding.FILE_SCOPE,
                "Empty continuation line");
    }

    static boolean isEmptyContinuation(ParseWarning warning) {
        return warning.range() != null && warning.message().startsWith(DockerfileParser.EMPTY_CONTINUATION);
    }
}
