package dev.kiln.solve;

import java.util.Map;

/** A built stage: its image and the variables its last instruction left (a later FROM of it inherits them). */
public record StageResult(ImageState image, Map<String, String> variables) {}
