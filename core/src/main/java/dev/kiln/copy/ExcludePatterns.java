package dev.kiln.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code .dockerignore}-style patterns as moby/patternmatcher reads them, used for
 * {@code COPY --exclude} and for {@code --parents} selections: {@code *}, {@code ?},
 * {@code [...]}, {@code **} across directories, {@code !} exceptions, and a pattern matching a
 * directory matches everything under it.
 */
public final class ExcludePatterns implements ContextFilter {
    private record Rule(Pattern regex, boolean exception) {}

    private final List<Rule> rules;
    private final boolean hasExceptions;

    private ExcludePatterns(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.hasExceptions = rules.stream().anyMatch(Rule::exception);
    }

    /** @throws CopyException for a malformed pattern or a lone {@code !} */
    public static ExcludePatterns of(List<String> patterns) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean exception = p.startsWith("!");
            if (exception) {
                p = p.substring(1);
                if (p.isEmpty()) {
                    throw new CopyException("illegal exclusion pattern: \"!\"");
                }
            }
            String cleaned = goClean(p);
            rules.add(new Rule(compile(cleaned, raw), exception));
        }
        return new ExcludePatterns(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether the path (or one of its parent directories) matches, the last matching rule deciding. */
    @Override
    public boolean excluded(String path) {
        boolean matched = false;
        List<String> parents = RootedPaths.ancestors(path);
        for (Rule rule : rules) {
            if (rule.exception != matched) {
                continue; // only an exception can undo a match, only a plain rule can make one
            }
            boolean match = rule.regex.matcher(path).matches()
                    || parents.stream().anyMatch(parent -> rule.regex.matcher(parent).matches());
            if (match) {
                matched = !rule.exception;
            }
        }
        return matched;
    }

    @Override
    public boolean hasExceptions() {
        return hasExceptions;
    }

    /** Go's path.Clean, keeping a leading slash or {@code ..} as they are (they then never match). */
    private static String goClean(String p) {
        String cleaned = RootedPaths.clean(p);
        if (p.startsWith("/")) {
            return "/" + cleaned;
        }
        return cleaned.isEmpty() ? "." : cleaned;
    }

    private static Pattern compile(String pattern, String raw) {
        StringBuilder re = new StringBuilder("^");
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i++);
            if (c == '*' && i < pattern.length() && pattern.charAt(i) == '*') {
                i++;
                if (i < pattern.length() && pattern.charAt(i) == '/') {
                    i++;
                }
                re.append(i >= pattern.length() ? ".*" : "(.*/)?");
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\') {
                re.append(i < pattern.length() ? Pattern.quote(String.valueOf(pattern.charAt(i++))) : "\\\\");
            } else if (c == '[' || c == ']') {
                re.append(c);
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(re.append('$').toString(), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new CopyException("invalid exclude pattern '" + raw + "': " + e.getDescription());
        }
    }
}
