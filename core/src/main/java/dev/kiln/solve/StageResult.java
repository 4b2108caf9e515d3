package dev.kiln.solve;

import java.util.Map;

/**
 * A built stage: its image, the variables its last instruction left (a later FROM of it inherits
 * them), and the cache key of its last step (what a stage built on it chains from).
 */
public record StageResult(ImageState image, Map<String, String> variables, CacheKey key) {}
