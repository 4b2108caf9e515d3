package dev.kiln.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * JSON trees (Jackson's nodes) read by {@link JsonReader} and written with Jackson's streaming
 * generator. An {@code ObjectMapper} gives the same trees, but setting one up, or even Jackson's
 * parser, cost a no-op build tens of milliseconds of start-up for the few small documents it
 * reads (index.json, cache records).
 */
public final class JsonTrees {
    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /** One JSON value; anything after it, or nothing at all, is an error. */
    public static JsonNode read(byte[] json) throws IOException {
        return JsonReader.read(json);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Compact JSON, fields in the tree's order. */
    public static byte[] write(JsonNode node) {
        return writeValue(node);
    }

    /**
     * Compact JSON of plain Java values: maps (keys as strings, in the map's order), collections,
     * strings, numbers, booleans, null and Jackson's tree nodes.
     */
    public static byte[] writeValue(Object value) {
        return generate(generator -> writeValue(generator, value));
    }

    /** What {@link #generate} writes: one JSON document, through Jackson's streaming generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    /** Compact JSON as {@code body} writes it. */
    public static byte[] generate(Body body) {
        var bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(bytes)) {
            body.write(generator);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case null -> generator.writeNull();
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (var entry : map.entrySet()) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    writeValue(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case java.util.Collection<?> elements -> {
                generator.writeStartArray();
                for (Object element : elements) {
                    writeValue(generator, element);
                }
                generator.writeEndArray();
            }
            case String text -> generator.writeString(text);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Boolean bool -> generator.writeBoolean(bool);
            case JsonNode node -> write(generator, node);
            default -> throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    if (node.canConvertToLong()) {
                        generator.writeNumber(node.longValue());
                    } else {
                        generator.writeNumber(node.bigIntegerValue());
                    }
                } else {
                    generator.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON");
        }
    }
}
