package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/**
 * A {@code --chmod} value: octal ({@code 0755}, at most {@code 07777}) or symbolic
 * ({@code u+x,g-w}, {@code a=rX}) as BuildKit accepts since Dockerfile 1.14.
 * A value holding {@code $} is validated only once expanded.
 */
public record Chmod(String text) {

    /** @throws InstructionException when the (literal) value is neither octal nor symbolic */
    static Chmod of(String text, SourceRange range) {
        if (!text.contains("$")) {
            ChmodSyntax.check(text, range);
        }
        return new Chmod(text);
    }

    Chmod expand(WordExpander expander, SourceRange range) {
        var expanded = expander.word(text);
        ChmodSyntax.check(expanded, range);
        return new Chmod(expanded);
    }

    /** True for an octal value, which replaces the mode outright. */
    public boolean isOctal() {
        return ChmodSyntax.isOctal(text);
    }

    /**
     * The permission bits a file ends with.
     *
     * @param current   the file's current permission bits (e.g. {@code 0644})
     * @param directory whether the file is a directory ({@code X} applies to directories)
     */
    public int applyTo(int current, boolean directory) {
        return ChmodSyntax.apply(text, current, directory);
    }
}
