package dev.kiln.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the model from parsed JSON, tolerating unknown fields and Go's explicit nulls. */
final class ImageJsonReader {
    private final String what;

    ImageJsonReader(String what) {
        this.what = what;
    }

    Manifest manifest(JsonNode n) {
        return new Manifest(schemaVersion(n), mediaType(n, MediaType.OCI_MANIFEST), string(n, "artifactType"),
                descriptor(required(n, "config")), descriptors(n.get("layers")), optDescriptor(n.get("subject")),
                stringMap(n.get("annotations")));
    }

    Index index(JsonNode n) {
        return new Index(schemaVersion(n), mediaType(n, MediaType.OCI_INDEX), string(n, "artifactType"),
                descriptors(required(n, "manifests")), optDescriptor(n.get("subject")), stringMap(n.get("annotations")));
    }

    ImageConfig config(JsonNode n) {
        JsonNode rootfs = required(n, "rootfs");
        List<Digest> diffIds = strings(rootfs.get("diff_ids")).stream().map(this::digest).toList();
        List<ImageConfig.History> history = new ArrayList<>();
        for (JsonNode h : array(n.get("history"))) {
            history.add(new ImageConfig.History(time(h.get("created")), string(h, "created_by"), string(h, "author"),
                    string(h, "comment"), h.path("empty_layer").asBoolean(false)));
        }
        return new ImageConfig(time(n.get("created")), string(n, "author"), requiredString(n, "architecture"),
                requiredString(n, "os"), string(n, "os.version"), strings(n.get("os.features")), string(n, "variant"),
                container(n.get("config")), new ImageConfig.RootFs(requiredString(rootfs, "type"), diffIds), history);
    }

    private ImageConfig.Container container(JsonNode c) {
        if (absent(c)) {
            return ImageConfig.Container.EMPTY;
        }
        JsonNode escaped = c.get("ArgsEscaped");
        return new ImageConfig.Container(string(c, "User"), new TreeSet<>(keys(c.get("ExposedPorts"))),
                strings(c.get("Env")), strings(c.get("Entrypoint")), strings(c.get("Cmd")),
                new TreeSet<>(keys(c.get("Volumes"))), string(c, "WorkingDir"), stringMap(c.get("Labels")),
                string(c, "StopSignal"), absent(escaped) ? null : escaped.asBoolean(), healthcheck(c.get("Healthcheck")),
                strings(c.get("OnBuild")), strings(c.get("Shell")));
    }

    private ImageConfig.Healthcheck healthcheck(JsonNode h) {
        if (absent(h)) {
            return null;
        }
        return new ImageConfig.Healthcheck(strings(h.get("Test")), nanos(h, "Interval"), nanos(h, "Timeout"),
                nanos(h, "StartPeriod"), nanos(h, "StartInterval"), h.path("Retries").asInt(0));
    }

    Descriptor descriptor(JsonNode n) {
        long size = required(n, "size").asLong(-1);
        return new Descriptor(mediaType(n, null), digest(requiredString(n, "digest")), size,
                stringMap(n.get("annotations")), platform(n.get("platform")), strings(n.get("urls")),
                string(n, "artifactType"));
    }

    private Platform platform(JsonNode p) {
        if (absent(p)) {
            return null;
        }
        return new Platform(requiredString(p, "os"), requiredString(p, "architecture"), string(p, "variant"),
                string(p, "os.version"), strings(p.get("os.features")));
    }

    private Descriptor optDescriptor(JsonNode n) {
        return absent(n) ? null : descriptor(n);
    }

    private List<Descriptor> descriptors(JsonNode n) {
        List<Descriptor> list = new ArrayList<>();
        for (JsonNode d : array(n)) {
            list.add(descriptor(d));
        }
        return list;
    }

    private int schemaVersion(JsonNode n) {
        int version = required(n, "schemaVersion").asInt(-1);
        if (version != 2) {
            throw fail("schemaVersion is " + n.get("schemaVersion") + "; only 2 is supported");
        }
        return version;
    }

    /** The mediaType field; manifests and indexes may omit it (OCI makes it optional there). */
    private MediaType mediaType(JsonNode n, MediaType fallback) {
        String value = string(n, "mediaType");
        if (value.isEmpty()) {
            if (fallback == null) {
                throw fail("a descriptor lacks mediaType");
            }
            return fallback;
        }
        return new MediaType(value);
    }

    private Digest digest(String text) {
        try {
            return Digest.parse(text);
        } catch (ImageFormatException e) {
            throw fail(e.getMessage());
        }
    }

    private Instant time(JsonNode n) {
        if (absent(n)) {
            return null;
        }
        try {
            return Rfc3339.parse(n.asText());
        } catch (DateTimeException e) {
            throw fail("time '" + n.asText() + "' is not RFC 3339");
        }
    }

    private static Duration nanos(JsonNode n, String field) {
        return Duration.ofNanos(n.path(field).asLong(0));
    }

    private JsonNode required(JsonNode n, String field) {
        JsonNode value = n.get(field);
        if (absent(value)) {
            throw fail("missing required field '" + field + "'");
        }
        return value;
    }

    private String requiredString(JsonNode n, String field) {
        JsonNode value = required(n, field);
        if (!value.isTextual()) {
            throw fail("field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private String string(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return absent(value) ? "" : value.asText();
    }

    private List<String> strings(JsonNode n) {
        List<String> list = new ArrayList<>();
        for (JsonNode item : array(n)) {
            list.add(item.asText());
        }
        return list;
    }

    private Iterable<JsonNode> array(JsonNode n) {
        if (absent(n)) {
            return List.of();
        }
        if (!n.isArray()) {
            throw fail("expected a JSON array, found " + n.getNodeType());
        }
        return n;
    }

    private List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        if (!absent(n)) {
            n.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private Map<String, String> stringMap(JsonNode n) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!absent(n)) {
            n.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private ImageFormatException fail(String problem) {
        return new ImageFormatException("invalid " + what + ": " + problem);
    }
}
