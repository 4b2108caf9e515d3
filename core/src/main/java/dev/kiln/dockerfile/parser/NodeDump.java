package dev.kiln.dockerfile.parser;

/**
 * Renders nodes in BuildKit's AST dump format (the {@code result} files of its parser tests):
 * {@code (run ["--mount=type=cache"] "echo hi")}, with strings quoted as Go's {@code %q} does.
 */
public final class NodeDump {
    private NodeDump() {}

    /** The whole file: one parenthesised instruction per line, without a final newline. */
    public static String dump(ParsedDockerfile file) {
        var out = new StringBuilder();
        for (Node child : file.children()) {
            out.append('(').append(dump(child)).append(")\n");
        }
        return GoStrings.trimSpace(out.toString());
    }

    /** One instruction, without the surrounding parentheses: {@code copy ["--from=x"] "a" "b"}. */
    public static String dump(Node node) {
        var out = new StringBuilder(GoStrings.toLower(node.keyword()));
        if (!node.flags().isEmpty()) {
            out.append(" [");
            for (int i = 0; i < node.flags().size(); i++) {
                out.append(i == 0 ? "" : " ").append(GoQuote.quote(node.flags().get(i)));
            }
            out.append(']');
        }
        for (String arg : node.args()) {
            out.append(' ').append(GoQuote.quote(arg));
        }
        if (node.next() != null) {
            out.append(" (").append(dump(node.next())).append(')');
        }
        return GoStrings.trimSpace(out.toString());
    }

    /** A string in Go's {@code %q} form, as the dump writes it. */
    public static String quote(String s) {
        return GoQuote.quote(s);
    }
}
