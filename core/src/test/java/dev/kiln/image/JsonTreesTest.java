package dev.kiln.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schemaVersion\":2,\"layers\":[{\"size\":9223372036854775807,\"digest\":\"sha256:ab\"}],\"annotations\":{}}",
        "{\"a\":1.5e3,\"b\":-0.25,\"c\":123456789012345678901234567890,\"d\":null,\"e\":true,\"f\":false}",
        "[1,\"two\",[3,[4]],{\"five\":\"\\u00e9\\u2603\\ud83d\\ude00\"}]",
        "{\"dup\":1,\"dup\":2}",
        "\"just a string\"",
        "  {\"spaced\" : [ ] }  ",
    })
    void readsWhatObjectMapperReads(String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        var tree = JsonTrees.read(bytes);
        assertThat(tree).isEqualTo(MAPPER.readTree(bytes));
        assertThat(JsonTrees.write(tree)).isEqualTo(MAPPER.writeValueAsBytes(MAPPER.readTree(bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"a\":1} {}", "{\"a\":}", "[1,2", "{\"a\":1,}", "nope"})
    void rejectsWhatIsNotOneJsonValue(String json) {
        assertThatThrownBy(() -> JsonTrees.read(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} {}", ""})
    void imageCodecNamesWhatWasNotJson(String json) {
        assertThatThrownBy(() -> ImageCodec.decodeManifest(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith("invalid image manifest: not JSON");
    }
}
