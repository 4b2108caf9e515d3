package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.lint.Rule;
import dev.kiln.dockerfile.parser.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ConsistentInstructionCasing: every keyword of the stages (FROM lines included, ARGs before the
 * first FROM not) should be all lower or all upper case, matching the majority; a tie counts as
 * upper case, as in BuildKit.
 */
final class InstructionCasing {
    private final List<Node> keywords = new ArrayList<>();

    void add(Node node) {
        keywords.add(node);
    }

    void check(List<Finding> findings) {
        int lower = 0;
        int upper = 0;
        for (var node : keywords) {
            var keyword = node.keyword();
            if (isLower(keyword)) {
                lower++;
            } else if (isUpper(keyword)) {
                upper++;
            }
        }
        boolean majorityLower = lower > upper;
        for (var node : keywords) {
            var keyword = node.keyword();
            if (majorityLower ? !isLower(keyword) : !isUpper(keyword)) {
                findings.add(Rule.CONSISTENT_INSTRUCTION_CASING.at(node.range(), Finding.FILE_SCOPE, "Command '"
                        + keyword + "' should match the case of the command majority ("
                        + (majorityLower ? "lowercase" : "uppercase") + ")"));
            }
        }
    }

    private static boolean isLower(String keyword) {
        return keyword.equals(keyword.toLowerCase(Locale.ROOT));
    }

    private static boolean isUpper(String keyword) {
        return keyword.equals(keyword.toUpperCase(Locale.ROOT));
    }
}
