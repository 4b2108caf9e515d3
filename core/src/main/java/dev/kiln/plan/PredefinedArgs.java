package dev.kiln.plan;

import java.util.Set;

/** Build args every Dockerfile accepts without declaring them (proxies, as in BuildKit). */
final class PredefinedArgs {
    private static final Set<String> NAMES = Set.of(
            "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
            "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "SOURCE_DATE_EPOCH");

    private PredefinedArgs() {}

    static boolean isPredefined(String name) {
        return NAMES.contains(name) || name.startsWith("BUILDKIT_") || PlatformArgs.isPlatformArg(name);
    }
}
