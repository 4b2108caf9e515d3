package dev.kiln.copy;

import java.util.regex.Pattern;

/** Recognises the Git repository sources BuildKit's ADD accepts (which Kiln does not fetch yet). */
final class GitSources {
    private static final Pattern SCP_LIKE = Pattern.compile("^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:.+");

    private GitSources() {}

    static boolean isGit(String source) {
        if (source.startsWith("git://") || source.startsWith("ssh://") || SCP_LIKE.matcher(source).matches()) {
            return true;
        }
        if (!RemoteFile.isHttp(source)) {
            return false;
        }
        String path = source.replaceFirst("[#?].*$", "");
        return path.endsWith(".git") || path.endsWith(".git/");
    }
}
