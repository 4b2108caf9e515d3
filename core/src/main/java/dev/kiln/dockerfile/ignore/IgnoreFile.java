package dev.kiln.dockerfile.ignore;

import dev.kiln.internal.paths.GoPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the text of a {@code .dockerignore} file into its pattern list, as patternmatcher's
 * {@code ignorefile.ReadAll} does: a leading BOM is dropped, lines starting with {@code #} are
 * comments, lines are trimmed and empty ones dropped, paths are lexically cleaned and lose a
 * leading {@code /}, and a leading {@code !} is kept with the blanks after it removed.
 */
public final class IgnoreFile {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private IgnoreFile() {}

    public static List<String> parse(String text) {
        List<String> patterns = new ArrayList<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = GoText.trimSpace(line);
            if (!pattern.isEmpty()) {
                patterns.add(normalize(pattern));
            }
        }
        return List.copyOf(patterns);
    }

    private static String normalize(String pattern) {
        boolean invert = pattern.charAt(0) == '!';
        String path = invert ? GoText.trimSpace(pattern.substring(1)) : pattern;
        if (!path.isEmpty()) {
            path = GoPath.clean(path);
            if (path.length() > 1 && path.charAt(0) == '/') {
                path = path.substring(1);
            }
        }
        return invert ? "!" + path : path;
    }

    /** Lines as Go's bufio.ScanLines yields them: split at \n, one trailing \r dropped, no empty last line. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return lines;
    }
}
