package dev.kiln.dockerfile.instructions;

import java.util.Optional;

/** One {@code name[=default]} of an ARG. */
public record ArgDefinition(String name, Optional<String> defaultValue) {
    ArgDefinition expand(WordExpander expander) {
        return new ArgDefinition(expander.word(name), defaultValue.map(expander::word));
    }
}
