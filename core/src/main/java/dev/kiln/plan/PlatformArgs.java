package dev.kiln.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ARGs BuildKit sets automatically in the global scope: BUILDPLATFORM, BUILDOS, BUILDARCH,
 * BUILDVARIANT and the TARGET* equivalents. FROM lines see them without a declaration; inside a
 * stage they must be declared with {@code ARG NAME} to be used.
 */
record PlatformArgs(String buildPlatform, String targetPlatform) {

    Map<String, String> values() {
        var args = new LinkedHashMap<String, String>();
        put(args, "BUILD", buildPlatform);
        put(args, "TARGET", targetPlatform);
        return args;
    }

    private static void put(Map<String, String> args, String prefix, String platform) {
        var parts = platform.split("/", 3);
        args.put(prefix + "PLATFORM", platform);
        args.put(prefix + "OS", parts[0]);
        args.put(prefix + "ARCH", parts.length > 1 ? parts[1] : "");
        args.put(prefix + "VARIANT", parts.length > 2 ? parts[2] : "");
    }

    static boolean isPlatformArg(String name) {
        return name.matches("(BUILD|TARGET)(PLATFORM|OS|ARCH|VARIANT)");
    }
}
