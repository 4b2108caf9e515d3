package dev.kiln.dockerfile.ignore;

/**
 * The syntax check patternmatcher makes when it is built: it runs Go's {@code filepath.Match}
 * against {@code "."} and keeps only the error. So this reproduces exactly which malformed
 * patterns that function reports (bad brackets, a trailing backslash), including the ones it
 * lets through.
 */
final class GlobSyntax {
    private static final char SEPARATOR = '/';

    private GlobSyntax() {}

    /** True when Go's {@code filepath.Match(pattern, ".")} would report {@code ErrBadPattern}. */
    static boolean isBad(String pattern) {
        try {
            match(pattern, ".");
            return false;
        } catch (BadPattern e) {
            return true;
        }
    }

    private static final class BadPattern extends Exception {
        BadPattern() {
            super(null, null, false, false);
        }
    }

    private record Chunk(boolean star, String chunk, String rest) {}

    private static boolean match(String pattern, String name) throws BadPattern {
        outer:
        while (!pattern.isEmpty()) {
            Chunk scanned = scanChunk(pattern);
            pattern = scanned.rest();
            if (scanned.star() && scanned.chunk().isEmpty()) {
                return name.indexOf(SEPARATOR) < 0;
            }
            String rest = matchChunk(scanned.chunk(), name);
            if (rest != null && (rest.isEmpty() || !pattern.isEmpty())) {
                name = rest;
                continue;
            }
            if (scanned.star()) {
                for (int i = 0; i < name.length() && name.charAt(i) != SEPARATOR; i++) {
                    String skipped = matchChunk(scanned.chunk(), name.substring(i + 1));
                    if (skipped != null) {
                        if (pattern.isEmpty() && !skipped.isEmpty()) {
                            continue;
                        }
                        name = skipped;
                        continue outer;
                    }
                }
            }
            while (!pattern.isEmpty()) { // the rest of the pattern must still be well-formed
                Chunk remaining = scanChunk(pattern);
                pattern = remaining.rest();
                matchChunk(remaining.chunk(), "");
            }
            return false;
        }
        return name.isEmpty();
    }

    private static Chunk scanChunk(String pattern) {
        int start = 0;
        while (start < pattern.length() && pattern.charAt(start) == '*') {
            start++;
        }
        boolean inRange = false;
        int i = start;
        scan:
        for (; i < pattern.length(); i++) {
            switch (pattern.charAt(i)) {
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        i++;
                    }
                }
                case '[' -> inRange = true;
                case ']' -> inRange = false;
                case '*' -> {
                    if (!inRange) {
                        break scan;
                    }
                }
                default -> { }
            }
        }
        return new Chunk(start > 0, pattern.substring(start, i), pattern.substring(i));
    }

    /** The rest of {@code s} after the chunk matched, or null; throws for a malformed chunk. */
    private static String matchChunk(String chunk, String s) throws BadPattern {
        boolean failed = false;
        int c = 0;
        int p = 0;
        while (c < chunk.length()) {
            if (!failed && p >= s.length()) {
                failed = true;
            }
            char ch = chunk.charAt(c);
            if (ch == '[') {
                int r = failed ? -1 : s.codePointAt(p);
                if (!failed) {
                    p += Character.charCount(r);
                }
                c++;
                boolean negated = c < chunk.length() && chunk.charAt(c) == '^';
                if (negated) {
                    c++;
                }
                boolean matched = false;
                int ranges = 0;
                while (true) {
                    if (c < chunk.length() && chunk.charAt(c) == ']' && ranges > 0) {
                        c++;
                        break;
                    }
                    int[] lo = classChar(chunk, c);
                    int[] hi = lo;
                    c = lo[1];
                    if (chunk.charAt(c) == '-') {
                        hi = classChar(chunk, c + 1);
                        c = hi[1];
                    }
                    matched |= lo[0] <= r && r <= hi[0];
                    ranges++;
                }
                failed |= matched == negated;
                continue;
            }
            if (ch == '?') {
                if (!failed) {
                    failed = s.charAt(p) == SEPARATOR;
                    p += Character.charCount(s.codePointAt(p));
                }
                c++;
                continue;
            }
            if (ch == '\\') {
                c++;
                if (c >= chunk.length()) {
                    throw new BadPattern();
                }
            }
            if (!failed) {
                failed = chunk.charAt(c) != s.charAt(p);
                p++;
            }
            c++;
        }
        return failed ? null : s.substring(p);
    }

    /** One (possibly escaped) character of a bracket expression: {code point, next index}. */
    private static int[] classChar(String chunk, int c) throws BadPattern {
        if (c >= chunk.length() || chunk.charAt(c) == '-' || chunk.charAt(c) == ']') {
            throw new BadPattern();
        }
        if (chunk.charAt(c) == '\\') {
            c++;
            if (c >= chunk.length()) {
                throw new BadPattern();
            }
        }
        int codePoint = chunk.codePointAt(c);
        int next = c + Character.charCount(codePoint);
        if (next >= chunk.length()) {
            throw new BadPattern();
        }
        return new int[] {codePoint, next};
    }
}
