package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.Onbuild;

import java.util.Locale;

/** An instruction's keyword as written ({@code cmd}, {@code Cmd}), which BuildKit's messages quote. */
final class WrittenKeyword {
    private WrittenKeyword() {}

    static String of(Instruction instruction) {
        var words = instruction.original().strip().split("\\s+", 3);
        boolean nested = !(instruction instanceof Onbuild) && words.length > 1
                && words[0].toUpperCase(Locale.ROOT).equals("ONBUILD");
        var word = nested ? words[1] : words[0];
        return word.equalsIgnoreCase(instruction.keyword()) ? word : instruction.keyword();
    }
}
