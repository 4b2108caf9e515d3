package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.regex.Pattern;

/**
 * Octal and symbolic chmod modes. Symbolic grammar (as chmod(1)): comma-separated clauses
 * {@code [ugoa]*([-+=]([rwxXst]*|[ugo]))+}; without a who-letter a clause applies to all.
 */
final class ChmodSyntax {
    private static final Pattern OCTAL = Pattern.compile("[0-7]+");
    private static final Pattern CLAUSE = Pattern.compile("[ugoa]*([-+=]([rwxXst]*|[ugo]))+");
    private static final int USER = 0700;
    private static final int GROUP = 070;
    private static final int OTHER = 07;
    private static final int SETUID = 04000;
    private static final int SETGID = 02000;
    private static final int STICKY = 01000;

    private ChmodSyntax() {}

    static void check(String text, SourceRange range) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
            if (!isOctal(text)) {
                throw new InstructionException(range, "invalid chmod parameter: '" + text
                        + "'. it should be octal string and between 0 and 07777");
            }
            return;
        }
        for (var clause : text.split(",", -1)) {
            if (!CLAUSE.matcher(clause).matches()) {
                throw new InstructionException(range, "invalid chmod parameter: '" + text
                        + "'. it should be an octal string between 0 and 07777 or a symbolic mode such as u+x,g-w");
            }
        }
    }

    static boolean isOctal(String text) {
        return OCTAL.matcher(text).matches() && text.length() <= 12 && Long.parseLong(text, 8) <= 07777;
    }

    static int apply(String text, int current, boolean directory) {
        if (isOctal(text)) {
            return Integer.parseInt(text, 8);
        }
        int mode = current & 07777;
        for (var clause : text.split(",")) {
            mode = applyClause(clause, mode, directory);
        }
        return mode;
    }

    private static int applyClause(String clause, int mode, boolean directory) {
        int i = 0;
        int who = 0;
        while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
            who |= whoMask(clause.charAt(i++));
        }
        if (who == 0) {
            who = USER | GROUP | OTHER | SETUID | SETGID | STICKY;
        }
        while (i < clause.length()) {
            char op = clause.charAt(i++);
            int start = i;
            while (i < clause.length() && "-+=".indexOf(clause.charAt(i)) < 0) {
                i++;
            }
            int bits = permissionBits(clause.substring(start, i), mode, directory) & who;
            mode = switch (op) {
                case '+' -> mode | bits;
                case '-' -> mode & ~bits;
                default -> (mode & ~who) | bits;
            };
        }
        return mode;
    }

    private static int whoMask(char who) {
        return switch (who) {
            case 'u' -> USER | SETUID;
            case 'g' -> GROUP | SETGID;
            case 'o' -> OTHER | STICKY;
            default -> USER | GROUP | OTHER | SETUID | SETGID | STICKY;
        };
    }

    /** The bits a permission list stands for, in every class (the who-mask then selects). */
    private static int permissionBits(String perms, int mode, boolean directory) {
        if (perms.length() == 1 && "ugo".contains(perms)) {
            int source = switch (perms.charAt(0)) {
                case 'u' -> (mode & USER) >> 6;
                case 'g' -> (mode & GROUP) >> 3;
                default -> mode & OTHER;
            };
            return source * 0111;
        }
        int bits = 0;
        for (char p : perms.toCharArray()) {
            bits |= switch (p) {
                case 'r' -> 0444;
                case 'w' -> 0222;
                case 'x' -> 0111;
                case 'X' -> directory || (mode & 0111) != 0 ? 0111 : 0;
                case 's' -> SETUID | SETGID;
                default -> STICKY;
            };
        }
        return bits;
    }
}
