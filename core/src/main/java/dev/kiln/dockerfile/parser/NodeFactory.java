package dev.kiln.dockerfile.parser;

import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Node} from one joined instruction line (BuildKit's {@code newNodeFromLine}):
 * keyword, flags, shaped arguments, and for ONBUILD the nested instruction.
 */
final class NodeFactory {
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("add", "copy", "run");
    private static final String ONBUILD = "onbuild";

    private NodeFactory() {}

    /** @throws ParseProblem with an offset into {@code line} */
    static Node create(String line, char escape, SourceRange range) {
        CommandSplitter.SplitCommand command = CommandSplitter.split(line, escape);
        String keyword = GoStrings.toLower(command.keyword());
        try {
            if (keyword.equals(ONBUILD)) {
                Node nested = command.rest().isEmpty() ? null : create(command.rest(), escape, range);
                return new Node(command.keyword(), command.flags(), List.of(), nested, false, List.of(), line, range);
            }
            ArgumentShaper.Shaped shaped = ArgumentShaper.shape(keyword, command.rest(), escape);
            return new Node(command.keyword(), command.flags(), shaped.args(), null, shaped.json(), List.of(),
                    line, range);
        } catch (ParseProblem problem) {
            throw problem.shiftedBy(command.restOffset());
        }
    }

    /** Whether heredocs are read for this node: RUN, COPY, ADD (also under ONBUILD), not in JSON form. */
    static boolean canContainHeredoc(Node node) {
        Node target = node.value().equals(ONBUILD) && node.next() != null ? node.next() : node;
        return HEREDOC_INSTRUCTIONS.contains(target.value()) && !target.json();
    }
}
