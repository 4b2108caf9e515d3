package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Stage;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.lint.Rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stage names, lower-cased. A later definition of a duplicate name wins (with a warning), as in
 * BuildKit. {@code FROM} may only name a stage defined above it; {@code COPY --from} and
 * {@code --mount=from} may name any stage, or a stage's index.
 */
final class StageNames {
    private final List<Stage> stages;
    /** Names BuildKit gives a meaning of its own ({@code FROM scratch}, the build context). */
    private static final Set<String> RESERVED = Set.of("context", "scratch");

    private final Map<String, Integer> byName = new HashMap<>();

    StageNames(List<Stage> stages, List<Finding> findings) {
        this.stages = stages;
        for (var stage : stages) {
            stage.name().ifPresent(name -> {
                var range = stage.from().range();
                if (RESERVED.contains(name)) {
                    findings.add(Rule.RESERVED_STAGE_NAME.at(range, Finding.FILE_SCOPE,
                            "Stage name should not use the same name as reserved stage \"" + name + "\""));
                }
                if (byName.put(name, stage.index()) != null) {
                    findings.add(Rule.DUPLICATE_STAGE_NAME.at(range, Finding.FILE_SCOPE,
                            "Duplicate stage name \"" + name + "\", stage names should be unique"));
                }
            });
        }
    }

    /** The stage a FROM of stage {@code current} names: only stages above it count, matched exactly. */
    Optional<Integer> baseOf(int current, String expandedBase) {
        Integer found = null;
        for (var stage : stages.subList(0, current)) {
            if (stage.name().filter(expandedBase::equals).isPresent()) {
                found = stage.index();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The stage a {@code --from} names, by name (any case) or index; empty for an image. */
    Optional<Integer> lookup(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    List<String> names() {
        return stages.stream().flatMap(s -> s.name().stream()).distinct().toList();
    }
}
