package dev.kiln.image;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An OCI platform. {@link #parse} reads the {@code os/arch[/variant]} specifiers of
 * {@code --platform} and normalises them the way containerd does, so {@code linux/aarch64}
 * and {@code linux/arm64/v8} name the same platform.
 */
public record Platform(String os, String architecture, String variant, String osVersion, List<String> osFeatures) {

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = variant == null ? "" : variant;
        osVersion = osVersion == null ? "" : osVersion;
        osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
    }

    public static Platform of(String os, String architecture) {
        return new Platform(os, architecture, "", "", List.of());
    }

    public static Platform of(String os, String architecture, String variant) {
        return new Platform(os, architecture, variant, "", List.of());
    }

    /**
     * Parses {@code os/arch[/variant]} or a lone {@code arch} (os then defaults to linux), and
     * normalises it.
     */
    public static Platform parse(String specifier) {
        Objects.requireNonNull(specifier, "platform");
        String[] parts = specifier.trim().split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || !part.matches("[A-Za-z0-9_.-]+")) {
                throw invalid(specifier);
            }
        }
        return switch (parts.length) {
            case 1 -> of("linux", parts[0]).normalized();
            case 2 -> of(parts[0], parts[1]).normalized();
            case 3 -> of(parts[0], parts[1], parts[2]).normalized();
            default -> throw invalid(specifier);
        };
    }

    /** The platform this JVM runs on, as containerd's default spec names it. */
    public static Platform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                ? "linux" : System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Platform p = of(os, System.getProperty("os.arch")).normalized();
        // containerd reports the CPU variant for the host; for arm64 that is v8.
        return p.architecture.equals("arm64") && p.variant.isEmpty() ? p.withVariant("v8") : p;
    }

    /** Lower-cases and maps aliases (x86_64 → amd64, aarch64 → arm64, armhf → arm/v7 …). */
    public Platform normalized() {
        String normOs = os.toLowerCase(Locale.ROOT).equals("macos") ? "darwin" : os.toLowerCase(Locale.ROOT);
        String arch = architecture.toLowerCase(Locale.ROOT);
        String v = variant.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "i386", "i486", "i586", "i686", "x86" -> { arch = "386"; v = ""; }
            case "x86_64", "x86-64", "amd64" -> { arch = "amd64"; v = v.equals("v1") ? "" : v; }
            case "aarch64", "arm64" -> {
                arch = "arm64";
                v = switch (v) {
                    case "8", "v8", "v8.0" -> "";
                    case "9", "9.0", "v9.0" -> "v9";
                    default -> v;
                };
            }
            case "armhf" -> { arch = "arm"; v = "v7"; }
            case "armel" -> { arch = "arm"; v = "v6"; }
            case "arm" -> v = switch (v) {
                case "", "7" -> "v7";
                case "5", "6", "8" -> "v" + v;
                default -> v;
            };
            default -> { }
        }
        return new Platform(normOs, arch, v, osVersion, osFeatures);
    }

    /** True when both normalise to the same os, architecture and variant. */
    public boolean matches(Platform other) {
        Platform a = normalized();
        Platform b = other.normalized();
        return a.os.equals(b.os) && a.architecture.equals(b.architecture) && a.variant.equals(b.variant);
    }

    public Platform withVariant(String newVariant) {
        return new Platform(os, architecture, newVariant, osVersion, osFeatures);
    }

    /** {@code os/arch[/variant]}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }

    private static ImageFormatException invalid(String specifier) {
        return new ImageFormatException("invalid platform '" + specifier
                + "': expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8");
    }
}
