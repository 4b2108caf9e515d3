package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.Node;
import java.util.List;

/** One node being parsed, with its flags to declare and read. */
final class Request {
    private final Node node;
    private final Flags flags;

    Request(Node node) {
        this.node = node;
        this.flags = new Flags(node.flags() == null ? List.of() : node.flags(), node.range());
    }

    Node node() {
        return node;
    }

    List<String> args() {
        return node.args() == null ? List.of() : node.args();
    }

    Flags flags() {
        return flags;
    }

    /** Parses the flags with none declared: any flag is an error (and the request is returned). */
    Request parsedFlags() {
        flags.parse();
        return this;
    }

    InstructionException fail(String problem) {
        return new InstructionException(node.range(), problem);
    }
}
