package dev.kiln.image;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes the model as compact JSON with a fixed field order (that of the Go structs in
 * image-spec, so output lines up with BuildKit's), map keys sorted, and nothing null or empty
 * that the spec marks optional.
 */
final class ImageJsonWriter {
    static void manifest(JsonGenerator g, Manifest m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", m.schemaVersion());
        g.writeStringField("mediaType", m.mediaType().value());
        optString(g, "artifactType", m.artifactType());
        g.writeFieldName("config");
        descriptor(g, m.config());
        g.writeArrayFieldStart("layers");
        for (Descriptor layer : m.layers()) {
            descriptor(g, layer);
        }
        g.writeEndArray();
        if (m.subject() != null) {
            g.writeFieldName("subject");
            descriptor(g, m.subject());
        }
        optMap(g, "annotations", m.annotations());
        g.writeEndObject();
    }

    static void index(JsonGenerator g, Index index) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", index.schemaVersion());
        g.writeStringField("mediaType", index.mediaType().value());
        optString(g, "artifactType", index.artifactType());
        g.writeArrayFieldStart("manifests");
        for (Descriptor d : index.manifests()) {
            descriptor(g, d);
        }
        g.writeEndArray();
        if (index.subject() != null) {
            g.writeFieldName("subject");
            descriptor(g, index.subject());
        }
        optMap(g, "annotations", index.annotations());
        g.writeEndObject();
    }

    static void descriptor(JsonGenerator g, Descriptor d) throws IOException {
        g.writeStartObject();
        g.writeStringField("mediaType", d.mediaType().value());
        g.writeStringField("digest", d.digest().toString());
        g.writeNumberField("size", d.size());
        optList(g, "urls", d.urls());
        optMap(g, "annotations", d.annotations());
        if (d.platform() != null) {
            g.writeFieldName("platform");
            platform(g, d.platform());
        }
        optString(g, "artifactType", d.artifactType());
        g.writeEndObject();
    }

    static void platform(JsonGenerator g, Platform p) throws IOException {
        g.writeStartObject();
        g.writeStringField("architecture", p.architecture());
        g.writeStringField("os", p.os());
        optString(g, "os.version", p.osVersion());
        optList(g, "os.features", p.osFeatures());
        optString(g, "variant", p.variant());
        g.writeEndObject();
    }

    static void config(JsonGenerator g, ImageConfig c) throws IOException {
        g.writeStartObject();
        if (c.created() != null) {
            g.writeStringField("created", Rfc3339.format(c.created()));
        }
        optString(g, "author", c.author());
        g.writeStringField("architecture", c.architecture());
        g.writeStringField("os", c.os());
        optString(g, "os.version", c.osVersion());
        optList(g, "os.features", c.osFeatures());
        optString(g, "variant", c.variant());
        g.writeFieldName("config");
        container(g, c.config());
        g.writeObjectFieldStart("rootfs");
        g.writeStringField("type", c.rootfs().type());
        g.writeArrayFieldStart("diff_ids");
        for (Digest diffId : c.rootfs().diffIds()) {
            g.writeString(diffId.toString());
        }
        g.writeEndArray();
        g.writeEndObject();
        if (!c.history().isEmpty()) {
            g.writeArrayFieldStart("history");
            for (ImageConfig.History h : c.history()) {
                history(g, h);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void container(JsonGenerator g, ImageConfig.Container c) throws IOException {
        g.writeStartObject();
        optString(g, "User", c.user());
        optSet(g, "ExposedPorts", c.exposedPorts());
        optList(g, "Env", c.env());
        optList(g, "Entrypoint", c.entrypoint());
        optList(g, "Cmd", c.cmd());
        optSet(g, "Volumes", c.volumes());
        optString(g, "WorkingDir", c.workingDir());
        optMap(g, "Labels", c.labels());
        optString(g, "StopSignal", c.stopSignal());
        if (Boolean.TRUE.equals(c.argsEscaped())) {
            g.writeBooleanField("ArgsEscaped", true);
        }
        if (c.healthcheck() != null) {
            healthcheck(g, c.healthcheck());
        }
        optList(g, "OnBuild", c.onBuild());
        optList(g, "Shell", c.shell());
        g.writeEndObject();
    }

    private static void healthcheck(JsonGenerator g, ImageConfig.Healthcheck h) throws IOException {
        g.writeObjectFieldStart("Healthcheck");
        optList(g, "Test", h.test());
        optNanos(g, "Interval", h.interval());
        optNanos(g, "Timeout", h.timeout());
        optNanos(g, "StartPeriod", h.startPeriod());
        optNanos(g, "StartInterval", h.startInterval());
        if (h.retries() != 0) {
            g.writeNumberField("Retries", h.retries());
        }
        g.writeEndObject();
    }

    private static void history(JsonGenerator g, ImageConfig.History h) throws IOException {
        g.writeStartObject();
        if (h.created() != null) {
            g.writeStringField("created", Rfc3339.format(h.created()));
        }
        optString(g, "created_by", h.createdBy());
        optString(g, "author", h.author());
        optString(g, "comment", h.comment());
        if (h.emptyLayer()) {
            g.writeBooleanField("empty_layer", true);
        }
        g.writeEndObject();
    }


    private static void optNanos(JsonGenerator g, String name, Duration d) throws IOException {
        if (!d.isZero()) {
            g.writeNumberField(name, d.toNanos());
        }
    }

    private static void optString(JsonGenerator g, String name, String value) throws IOException {
        if (!value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }

    private static void optList(JsonGenerator g, String name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /** A set as Go writes {@code map[string]struct{}}: keys sorted, each mapped to {}. */
    private static void optSet(JsonGenerator g, String name, Collection<String> keys) throws IOException {
        if (!keys.isEmpty()) {
            g.writeObjectFieldStart(name);
            for (String key : keys.stream().sorted().toList()) {
                g.writeObjectFieldStart(key);
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    private static void optMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
        if (!map.isEmpty()) {
            g.writeObjectFieldStart(name);
            for (String key : map.keySet().stream().sorted().toList()) {
                g.writeStringField(key, map.get(key));
            }
            g.writeEndObject();
        }
    }

    private ImageJsonWriter() {
    }
}
