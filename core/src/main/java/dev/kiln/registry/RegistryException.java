package dev.kiln.registry;

import dev.kiln.KilnException;

/**
 * A registry refused or failed an action. The message names the registry, the action, the
 * HTTP status (0 when no response arrived) and the registry's own error text.
 */
public class RegistryException extends KilnException {
    private final String registry;
    private final String action;
    private final int status;
    private final String registryMessage;

    public RegistryException(String registry, String action, int status, String registryMessage, String hint) {
        this(registry, action, status, registryMessage, hint, null);
    }

    public RegistryException(String registry, String action, int status, String registryMessage, String hint,
                             Throwable cause) {
        super(format(registry, action, status, registryMessage, hint), cause);
        this.registry = registry;
        this.action = action;
        this.status = status;
        this.registryMessage = registryMessage == null ? "" : registryMessage;
    }

    public String registry() {
        return registry;
    }

    public String action() {
        return action;
    }

    /** The HTTP status, or 0 when the registry could not be reached or the failure was local. */
    public int status() {
        return status;
    }

    /** The registry's own error text (its JSON {@code errors[]}), or empty. */
    public String registryMessage() {
        return registryMessage;
    }

    private static String format(String registry, String action, int status, String message, String hint) {
        StringBuilder text = new StringBuilder("registry ").append(registry).append(": cannot ").append(action);
        if (status > 0) {
            text.append(": HTTP ").append(status);
        }
        if (message != null && !message.isBlank()) {
            text.append(status > 0 ? " (" : ": ").append(message.strip()).append(status > 0 ? ")" : "");
        }
        if (hint != null && !hint.isBlank()) {
            text.append("; ").append(hint);
        }
        return text.toString();
    }
}
