package dev.kiln.dockerfile.ignore;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A test-side context walker using the incremental API the way a real one would. */
final class ContextWalk {
    private ContextWalk() {}

    /** Relative paths of the regular files a build context would keep, sorted. */
    static List<String> keptFiles(Path context, PatternMatcher matcher) throws IOException {
        List<String> kept = new ArrayList<>();
        Deque<MatchState> states = new ArrayDeque<>();
        states.push(MatchState.NONE);
        Files.walkFileTree(context, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(context)) {
                    return FileVisitResult.CONTINUE;
                }
                String relative = relative(context, dir);
                MatchState state = matcher.matchesUsingParentResults(relative, states.peek());
                if (matcher.canSkipDirectory(relative, state)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                states.push(state);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String relative = relative(context, file);
                if (!matcher.matchesUsingParentResults(relative, states.peek()).excluded()) {
                    kept.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (!dir.equals(context)) {
                    states.pop();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return kept.stream().sorted().toList();
    }

    private static String relative(Path context, Path path) {
        return context.relativize(path).toString().replace('\\', '/');
    }
}
