package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.Node;
import dev.kiln.dockerfile.parser.ParseWarning;
import java.util.List;
import java.util.Locale;

/**
 * The cheap checks BuildKit's linter runs while reading instructions. Each message starts with
 * the BuildKit rule name, e.g. {@code FromAsCasing: 'as' and 'FROM' keywords' casing do not match}.
 */
final class Lint {
    private Lint() {}

    static void beforeParse(Node node, List<ParseWarning> warnings) {
        switch (node.value()) {
            case "maintainer" -> warnings.add(new ParseWarning(
                    "MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label", node.range()));
            case "from" -> fromCasing(node, warnings);
            default -> { }
        }
    }

    private static void fromCasing(Node node, List<ParseWarning> warnings) {
        var args = node.args();
        if (args == null || args.size() != 3) {
            return;
        }
        var name = args.get(2);
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            warnings.add(new ParseWarning("StageNameCasing: Stage name '" + name + "' should be lowercase",
                    node.range()));
        }
        var keyword = node.keyword();
        var as = args.get(1);
        boolean fromLower = keyword.equals(keyword.toLowerCase(Locale.ROOT));
        boolean fromUpper = keyword.equals(keyword.toUpperCase(Locale.ROOT));
        boolean mismatch = fromLower ? !as.equals(as.toLowerCase(Locale.ROOT))
                : fromUpper && !as.equals(as.toUpperCase(Locale.ROOT));
        if (mismatch) {
            warnings.add(new ParseWarning("FromAsCasing: '" + as + "' and '" + keyword
                    + "' keywords' casing do not match", node.range()));
        }
    }

    /** JSONArgsRecommended: shell-form CMD/ENTRYPOINT when the stage set no SHELL. */
    static void afterParse(Instruction instruction, boolean shellSet, List<ParseWarning> warnings) {
        var command = switch (instruction) {
            case Cmd c -> c.command();
            case Entrypoint e -> e.command();
            default -> null;
        };
        if (command != null && command.prependShell() && !shellSet) {
            warnings.add(new ParseWarning("JSONArgsRecommended: JSON arguments recommended for "
                    + instruction.keyword() + " to prevent unintended behavior related to OS signals",
                    instruction.range()));
        }
    }
}
