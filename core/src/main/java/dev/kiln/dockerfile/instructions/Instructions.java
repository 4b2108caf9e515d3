package dev.kiln.dockerfile.instructions;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.parser.DockerfileParser;
import dev.kiln.dockerfile.parser.Node;
import dev.kiln.dockerfile.parser.ParsedDockerfile;
import dev.kiln.dockerfile.parser.SourceRange;

/** Turns parsed Dockerfile nodes into typed stages, as BuildKit's instructions.Parse does. */
public final class Instructions {
    private Instructions() {}

    /**
     * @throws dev.kiln.dockerfile.DockerfileException for an unknown instruction, an instruction
     *         before the first FROM other than ARG, bad arguments or flags, naming file:line:col
     */
    public static ParsedStages parse(ParsedDockerfile dockerfile) {
        return StageBuilder.build(dockerfile);
    }

    /**
     * Parses one ONBUILD trigger stored in a base image's config. As BuildKit does, the trigger
     * is read as a one-instruction Dockerfile and placed at {@code at}, the FROM line of the stage
     * that uses the image, so its errors point there.
     *
     * @throws InstructionException at {@code at} when the trigger is not a valid ONBUILD instruction
     */
    public static Instruction parseTrigger(String trigger, SourceRange at) {
        ParsedDockerfile parsed;
        try {
            parsed = DockerfileParser.parse("ONBUILD", "ONBUILD " + trigger);
        } catch (KilnException e) {
            throw new InstructionException(at, "invalid ONBUILD trigger " + Quote.go(trigger) + ": " + e.getMessage());
        }
        if (parsed.children().size() != 1 || parsed.children().getFirst().next() == null) {
            throw new InstructionException(at, "onbuild trigger should be a single expression: " + Quote.go(trigger));
        }
        var node = parsed.children().getFirst();
        var next = node.next();
        var movedNext = new Node(next.keyword(), next.flags(), next.args(), next.next(), next.json(), next.heredocs(),
                next.original(), at);
        var moved = new Node(node.keyword(), node.flags(), node.args(), movedNext, node.json(), node.heredocs(),
                node.original(), at);
        return ((Onbuild) InstructionParser.parse(moved)).trigger();
    }
}
