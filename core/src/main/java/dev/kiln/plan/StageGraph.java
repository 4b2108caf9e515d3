package dev.kiln.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dependencies between stages, by index: what each stage needs built before it (its base stage,
 * the stages it copies from or mounts). Answers reachability, cycles and a build order.
 */
final class StageGraph {
    private final List<Set<Integer>> dependencies;

    StageGraph(int stageCount) {
        dependencies = new ArrayList<>(stageCount);
        for (int i = 0; i < stageCount; i++) {
            dependencies.add(new TreeSet<>());
        }
    }

    void addDependency(int stage, int needs) {
        dependencies.get(stage).add(needs);
    }

    Set<Integer> dependenciesOf(int stage) {
        return Set.copyOf(dependencies.get(stage));
    }

    /** Every stage the target needs, the target included. */
    BitSet reachableFrom(int target) {
        var seen = new BitSet();
        var work = new ArrayDeque<Integer>();
        work.push(target);
        while (!work.isEmpty()) {
            int stage = work.pop();
            if (!seen.get(stage)) {
                seen.set(stage);
                dependencies.get(stage).forEach(work::push);
            }
        }
        return seen;
    }

    /** A cycle as the list of stages on it (first repeated at the end), if there is one. */
    Optional<List<Integer>> findCycle() {
        int n = dependencies.size();
        var state = new int[n]; // 0 = unvisited, 1 = on the current path, 2 = done
        for (int start = 0; start < n; start++) {
            var path = new ArrayList<Integer>();
            var cycle = visit(start, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private Optional<List<Integer>> visit(int stage, int[] state, List<Integer> path) {
        if (state[stage] == 2) {
            return Optional.empty();
        }
        if (state[stage] == 1) {
            var cycle = new ArrayList<>(path.subList(path.indexOf(stage), path.size()));
            cycle.add(stage);
            return Optional.of(cycle);
        }
        state[stage] = 1;
        path.add(stage);
        for (int next : dependencies.get(stage)) {
            var cycle = visit(next, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.removeLast();
        state[stage] = 2;
        return Optional.empty();
    }

    /**
     * The given stages in an order where every stage comes after what it needs; among stages
     * that are ready together, the one defined first comes first. Requires an acyclic graph.
     */
    List<Integer> buildOrder(BitSet stages) {
        var order = new LinkedHashSet<Integer>();
        while (order.size() < stages.cardinality()) {
            int before = order.size();
            for (int s = stages.nextSetBit(0); s >= 0; s = stages.nextSetBit(s + 1)) {
                if (!order.contains(s) && dependencies.get(s).stream().filter(stages::get).allMatch(order::contains)) {
                    order.add(s);
                    break;
                }
            }
            if (order.size() == before) {
                throw new IllegalStateException("build order asked of a cyclic graph");
            }
        }
        return List.copyOf(order);
    }
}
