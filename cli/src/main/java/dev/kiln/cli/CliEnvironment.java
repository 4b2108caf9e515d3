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

    /**
     * The store's folder: {@code KILN_HOME} from the bound variables (then {@code $XDG_DATA_HOME/kiln},
     * then {@code ~/.local/share/kiln}); with none bound, {@link StoreLocation#root()}, as kiln build uses.
     */
    public static Path storeRoot() {
        if (!VARIABLES.isBound()) {
            return StoreLocation.root();
        }
        String home = get("KILN_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String xdg = get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "kiln");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "kiln");
    }

    public static Store openStore() {
        return Store.open(storeRoot());
    }
}
