package dev.kiln.image;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OCI image configuration, with Docker's extensions (Healthcheck, Shell, OnBuild) that
 * BuildKit writes too. Absent optional values are null (times) or empty (strings, lists).
 */
public record ImageConfig(Instant created, String author, String architecture, String os, String osVersion,
                          List<String> osFeatures, String variant, Container config, RootFs rootfs,
                          List<History> history) {
    /** The PATH BuildKit gives an image, and a step's process, whose base image sets none. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ImageConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(os, "os");
        author = orEmpty(author);
        osVersion = orEmpty(osVersion);
        osFeatures = listOf(osFeatures);
        variant = orEmpty(variant);
        config = config == null ? Container.EMPTY : config;
        rootfs = rootfs == null ? RootFs.layers(List.of()) : rootfs;
        history = listOf(history);
    }

    /** An image for {@code platform} with no layers, no settings and no history. */
    public static ImageConfig empty(Platform platform) {
        return new ImageConfig(null, "", platform.architecture(), platform.os(), platform.osVersion(),
                platform.osFeatures(), platform.variant(), Container.EMPTY, RootFs.layers(List.of()), List.of());
    }

    public Platform platform() {
        return new Platform(os, architecture, variant, osVersion, osFeatures);
    }

    public ImageConfig withConfig(Container newConfig) {
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, newConfig, rootfs, history);
    }

    public ImageConfig withCreated(Instant newCreated) {
        return new ImageConfig(newCreated, author, architecture, os, osVersion, osFeatures, variant, config, rootfs, history);
    }

    /** Appends a layer (by diffID) and its history entry. */
    public ImageConfig withLayer(Digest diffId, History entry) {
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, config,
                RootFs.layers(append(rootfs.diffIds(), diffId)), append(history, entry));
    }

    /** Appends a history entry for a step that made no layer. */
    public ImageConfig withEmptyLayerHistory(History entry) {
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, config, rootfs,
                append(history, entry.asEmptyLayer()));
    }

    /** The settings a container inherits ({@code config} in the JSON). Ports and volumes are sets. */
    public record Container(String user, SortedSet<String> exposedPorts, List<String> env, List<String> entrypoint,
                            List<String> cmd, SortedSet<String> volumes, String workingDir, Map<String, String> labels,
                            String stopSignal, Boolean argsEscaped, Healthcheck healthcheck, List<String> onBuild,
                            List<String> shell) {
        public static final Container EMPTY =
                new Container("", null, null, null, null, null, "", null, "", null, null, null, null);

        public Container {
            user = orEmpty(user);
            exposedPorts = exposedPorts == null ? new TreeSet<>() : new TreeSet<>(exposedPorts);
            env = listOf(env);
            entrypoint = listOf(entrypoint);
            cmd = listOf(cmd);
            volumes = volumes == null ? new TreeSet<>() : new TreeSet<>(volumes);
            workingDir = orEmpty(workingDir);
            labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
            stopSignal = orEmpty(stopSignal);
            onBuild = listOf(onBuild);
            shell = listOf(shell);
            exposedPorts = java.util.Collections.unmodifiableSortedSet(exposedPorts);
            volumes = java.util.Collections.unmodifiableSortedSet(volumes);
        }
    }

    /** Docker's HEALTHCHECK settings; durations are stored as nanoseconds in the JSON. */
    public record Healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                              Duration startInterval, int retries) {
        public Healthcheck {
            test = listOf(test);
            interval = interval == null ? Duration.ZERO : interval;
            timeout = timeout == null ? Duration.ZERO : timeout;
            startPeriod = startPeriod == null ? Duration.ZERO : startPeriod;
            startInterval = startInterval == null ? Duration.ZERO : startInterval;
        }
    }

    /** The layers' diffIDs (digests of the uncompressed tars), bottom first. */
    public record RootFs(String type, List<Digest> diffIds) {
        public RootFs {
            Objects.requireNonNull(type, "rootfs.type");
            diffIds = listOf(diffIds);
        }

        public static RootFs layers(List<Digest> diffIds) {
            return new RootFs("layers", diffIds);
        }
    }

    public record History(Instant created, String createdBy, String author, String comment, boolean emptyLayer) {
        public History {
            createdBy = orEmpty(createdBy);
            author = orEmpty(author);
            comment = orEmpty(comment);
        }

        public History asEmptyLayer() {
            return new History(created, createdBy, author, comment, true);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static <T> List<T> append(List<T> list, T item) {
        var copy = new java.util.ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }
}
