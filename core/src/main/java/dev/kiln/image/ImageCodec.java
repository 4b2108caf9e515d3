package dev.kiln.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.internal.json.JsonTrees;
import java.io.IOException;
import java.util.function.Function;

/**
 * JSON at the edge of the model. {@code encode} is deterministic: the same value always gives
 * the same bytes. {@code decode} never keeps the bytes, so a caller that stores or pushes a
 * manifest keeps the original bytes (they are what its digest names) and uses the decoded value
 * only to read it.
 */
public final class ImageCodec {
    public static byte[] encode(Manifest manifest) {
        return JsonTrees.generate(g -> ImageJsonWriter.manifest(g, manifest));
    }

    public static byte[] encode(Index index) {
        return JsonTrees.generate(g -> ImageJsonWriter.index(g, index));
    }

    public static byte[] encode(ImageConfig config) {
        return JsonTrees.generate(g -> ImageJsonWriter.config(g, config));
    }

    public static Manifest decodeManifest(byte[] json) {
        return decode(json, "image manifest", r -> r::manifest);
    }

    public static Index decodeIndex(byte[] json) {
        return decode(json, "image index", r -> r::index);
    }

    public static ImageConfig decodeConfig(byte[] json) {
        return decode(json, "image config", r -> r::config);
    }

    /** The {@code mediaType} a manifest or index declares, or empty when it has none. */
    public static String declaredMediaType(byte[] json) {
        JsonNode type = parse(json, "manifest").get("mediaType");
        return type == null || type.isNull() ? "" : type.asText();
    }

    private static <T> T decode(byte[] json, String what, Function<ImageJsonReader, Function<JsonNode, T>> part) {
        JsonNode root = parse(json, what);
        if (!root.isObject()) {
            throw new ImageFormatException("invalid " + what + ": expected a JSON object");
        }
        return part.apply(new ImageJsonReader(what)).apply(root);
    }

    private static JsonNode parse(byte[] json, String what) {
        try {
            return JsonTrees.read(json);
        } catch (IOException e) {
            throw new ImageFormatException("invalid " + what + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private ImageCodec() {
    }
}
