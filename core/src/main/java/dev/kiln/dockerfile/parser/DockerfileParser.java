package dev.kiln.dockerfile.parser;

import dev.kiln.dockerfile.DockerfileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses Dockerfile text into {@link Node}s, as BuildKit's frontend/dockerfile/parser does. */
public final class DockerfileParser {
    /** How the warning for an empty continuation line starts (BuildKit's parser warning text). */
    public static final String EMPTY_CONTINUATION = "Empty continuation line found in: ";
    private final SourceLines source;
    private final ErrorLocator errors;
    private final DirectiveScanner directives = new DirectiveScanner();
    private final LineJoiner joiner;
    private final HeredocReader heredocs;
    private final List<Node> children = new ArrayList<>();
    private final List<ParseWarning> warnings = new ArrayList<>();

    private DockerfileParser(String fileName, String text) {
        this.source = new SourceLines(text);
        this.errors = new ErrorLocator(fileName, source.displayLines());
        this.joiner = new LineJoiner(source, directives, errors);
        this.heredocs = new HeredocReader(source, errors);
    }

    /**
     * @param fileName the name for messages
     * @param text     the whole file
     * @throws DockerfileException on input BuildKit's parser rejects, naming file:line:col
     */
    public static ParsedDockerfile parse(String fileName, String text) {
        return new DockerfileParser(fileName, text).run();
    }

    private ParsedDockerfile run() {
        try {
            while (source.hasNext()) {
                Optional<LogicalLine> instruction = joiner.join(source.next());
                instruction.ifPresent(this::addInstruction);
            }
        } catch (SourceLines.LineTooLongException tooLong) {
            throw errors.at(tooLong.lineNumber(), 1, "dockerfile line greater than max allowed size of "
                    + SourceLines.MAX_LINE_BYTES + " (this line has " + tooLong.bytes()
                    + " bytes); split it with line continuations");
        }
        if (children.isEmpty()) {
            throw errors.at(Math.max(1, source.currentLine()), 1,
                    "file with no instructions; a Dockerfile needs at least a FROM instruction");
        }
        var range = new SourceRange(children.getFirst().range().startLine(), children.getFirst().range().startColumn(),
                children.getLast().range().endLine(), children.getLast().range().endColumn());
        return new ParsedDockerfile(errors.fileName(), List.copyOf(children), directives.directives(),
                List.copyOf(warnings), errors.lines(), range);
    }

    private void addInstruction(LogicalLine instruction) {
        if (instruction.firstEmptyContinuation() > 0) {
            warnings.add(emptyContinuationWarning(instruction, source.currentLine()));
        }
        Node node;
        try {
            node = NodeFactory.create(instruction.text(), directives.escape(), SourceRange.lines(0, 0));
        } catch (ParseProblem problem) {
            throw errors.at(instruction, problem);
        }
        List<Heredoc> bodies = List.of();
        if (NodeFactory.canContainHeredoc(node) && instruction.text().contains("<<")) {
            List<Heredoc> opened;
            try {
                opened = HeredocWords.fromLine(instruction.text());
            } catch (ParseProblem problem) {
                throw errors.at(instruction, problem);
            }
            bodies = heredocs.readBodies(opened, instruction);
        }
        children.add(located(node, bodies, instruction));
    }

    /** The node with its heredocs and its range: first line to last continuation or heredoc line. */
    private Node located(Node node, List<Heredoc> bodies, LogicalLine instruction) {
        LogicalLine.Position keyword = instruction.keywordPosition();
        int endLine = source.currentLine();
        String last = errors.lines().get(endLine - 1);
        var range = new SourceRange(instruction.startLine(), keyword.column(), endLine, last.length());
        Node nested = node.next() == null ? null : relocate(node.next(), range);
        return new Node(node.keyword(), node.flags(), node.args(), nested, node.json(), List.copyOf(bodies),
                node.original(), range);
    }

    private static Node relocate(Node node, SourceRange range) {
        Node nested = node.next() == null ? null : relocate(node.next(), range);
        return new Node(node.keyword(), node.flags(), node.args(), nested, node.json(), node.heredocs(),
                node.original(), range);
    }

    /** From the first blank line to the instruction's last line, which BuildKit's NoEmptyContinuation names. */
    private static ParseWarning emptyContinuationWarning(LogicalLine instruction, int lastLine) {
        int line = instruction.firstEmptyContinuation();
        return new ParseWarning(EMPTY_CONTINUATION + instruction.text()
                + " (empty continuation lines will become errors in a future release;"
                + " remove the blank line or end the instruction before it)", SourceRange.lines(line, lastLine));
    }
}
