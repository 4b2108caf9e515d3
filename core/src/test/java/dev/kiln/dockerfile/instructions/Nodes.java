package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.Directives;
import dev.kiln.dockerfile.parser.Heredoc;
import dev.kiln.dockerfile.parser.Node;
import dev.kiln.dockerfile.parser.ParsedDockerfile;
import dev.kiln.dockerfile.parser.SourceRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Builds parser {@link Node}s by hand, shaped as BuildKit's parser shapes them, so these tests do not
 * depend on the parser. Each node is placed on its own line, numbered from 1.
 */
final class Nodes {
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    static Nodes dockerfile() {
        return new Nodes();
    }

    static Nodes fromScratch() {
        return new Nodes().add(node("FROM scratch", "FROM", List.of(), "scratch"));
    }

    Nodes add(Node node) {
        int line = lines.size() + 1;
        lines.add(node.original());
        nodes.add(at(node, line));
        return this;
    }

    /** A node without flags. */
    static Node node(String text, String keyword, String... args) {
        return node(text, keyword, List.of(), args);
    }

    static Node node(String text, String keyword, List<String> flags, String... args) {
        return new Node(keyword, flags, Arrays.asList(args), null, false, List.of(), text, SourceRange.lines(1, 1));
    }

    static Node json(String text, String keyword, String... args) {
        return new Node(keyword, List.of(), Arrays.asList(args), null, true, List.of(), text, SourceRange.lines(1, 1));
    }

    static Node withHeredocs(Node node, Heredoc... heredocs) {
        return new Node(node.keyword(), node.flags(), node.args(), node.next(), node.json(), List.of(heredocs),
                node.original(), node.range());
    }

    static Node onbuild(String text, Node trigger) {
        return new Node("ONBUILD", List.of(), List.of(), trigger, false, List.of(), text, SourceRange.lines(1, 1));
    }

    private static Node at(Node node, int line) {
        var range = new SourceRange(line, 1, line, node.original().length());
        var next = node.next() == null ? null : at(node.next(), line);
        return new Node(node.keyword(), node.flags(), node.args(), next, node.json(), node.heredocs(),
                node.original(), range);
    }

    ParsedDockerfile parsed() {
        var range = new SourceRange(1, 1, Math.max(1, lines.size()), 1);
        return new ParsedDockerfile("Dockerfile", List.copyOf(nodes),
                new Directives(Optional.empty(), Directives.DEFAULT_ESCAPE, Optional.empty()), List.of(),
                List.copyOf(lines), range);
    }

    ParsedStages parse() {
        return Instructions.parse(parsed());
    }

    /** Parses "FROM scratch" followed by {@code node} (on line 2) and returns the typed instruction. */
    static Instruction single(Node node) {
        return fromScratch().add(node).parse().stages().getFirst().instructions().getFirst();
    }

    @SuppressWarnings("unchecked")
    static <T extends Instruction> T single(Node node, Class<T> type) {
        var instruction = single(node);
        if (!type.isInstance(instruction)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + instruction);
        }
        return (T) instruction;
    }
}
