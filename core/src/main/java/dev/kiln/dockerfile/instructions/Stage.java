package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * A build stage: its FROM and the instructions up to the next FROM.
 *
 * @param name         the {@code AS} name lower-cased, if any
 * @param baseImage    the FROM image text as written (unexpanded)
 * @param platform     the {@code --platform} text as written
 * @param index        0-based position among the stages
 * @param instructions the instructions after FROM, in order
 * @param range        from the FROM line to the stage's last instruction
 */
public record Stage(Optional<String> name, String baseImage, Optional<String> platform, int index,
                    List<Instruction> instructions, SourceRange range, From from) {
    public Stage {
        instructions = List.copyOf(instructions);
    }
}
