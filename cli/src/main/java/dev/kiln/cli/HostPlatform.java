package dev.kiln.cli;

import java.util.Locale;

/** The platform Kiln runs on, in OCI terms ({@code linux/amd64}, {@code linux/arm64}). */
final class HostPlatform {
    private HostPlatform() {}

    static String current() {
        var arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        var oci = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
        return "linux/" + oci;
    }
}
