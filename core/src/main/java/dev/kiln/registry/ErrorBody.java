package dev.kiln.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The registry's own words from an error response: its JSON {@code errors[]}, or the start of the body. */
final class ErrorBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 300;

    static String describe(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode root = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            if (root != null && root.path("errors").isArray()) {
                for (JsonNode error : root.path("errors")) {
                    parts.add(one(error));
                }
            } else if (root != null && root.hasNonNull("details")) {
                parts.add(root.get("details").asText());
            } else if (root != null && root.hasNonNull("message")) {
                parts.add(root.get("message").asText());
            }
            if (!parts.isEmpty()) {
                return String.join("; ", parts);
            }
        } catch (java.io.IOException notJson) {
            // fall through to plain text
        }
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }

    private static String one(JsonNode error) {
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        JsonNode detail = error.get("detail");
        String text = code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
        if (detail != null && !detail.isNull() && !detail.isMissingNode()) {
            String d = detail.isTextual() ? detail.asText() : detail.toString();
            if (!d.isBlank() && !d.equals("null")) {
                text += " (" + (d.length() > MAX_TEXT ? d.substring(0, MAX_TEXT) + "…" : d) + ")";
            }
        }
        return text;
    }

    private ErrorBody() {
    }
}
