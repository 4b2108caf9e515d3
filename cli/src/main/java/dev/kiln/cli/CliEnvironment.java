package dev.kiln.cli;

import dev.kiln.store.Store;
import java.nio.file.Path;
import java.util.Map;

/**
 * The environment variables the CLI reads. Tests bind {@link #VARIABLES} (a scoped value, so
 * parallel tests do not see each other's) instead of changing the process environment.
 */
public final class CliEnvironment {
    /** When bound, the whole environment the CLI sees; when not, the process's. */
    public static final ScopedValue<Map<String, String>> VARIABLES = ScopedValue.newInstance();

    private CliEnvironment() {
    }

    public static Map<String, String> variables() {
        return VARIABLES.isBound() ? VARIABLES.get() : System.getenv();
    }

    public static String get(String name) {
        return variables().get(name);
    }

    /** The store's folder: {@code $KILN_HOME}, then {@code $XDG_DATA_HOME/kiln}, then {@code ~/.local/share/kiln}. */
    public static Path storeRoot() {
        return Store.defaultRoot(CliEnvironment::get);
    }

    public static Store openStore() {
        return Store.open(storeRoot());
    }
}
