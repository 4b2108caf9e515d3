package dev.kiln.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageFormatException;
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
        "{\"esc\":\"q\\\"b\\\\s\\/n\\nr\\rt\\tb\\bf\\fu\\u0041\\u00fc\",\"raw\":\"\u00fc\u2603\ud83d\ude00\"}",
        "[0,-0,-1,2147483647,2147483648,-2147483649,9223372036854775807,9223372036854775808,-9223372036854775809]",
        "[0.5,-0.0,1e3,1E-3,2.5e+10,1e400,123456789012345678901234567890.5]",
        "{\"a\":{\"b\":{\"c\":[[[],{}],[null]]}},\"\":\"\"}",
        "\t\r\n[true]\n",
    })
    void readsWhatObjectMapperReads(String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        var tree = JsonTrees.read(bytes);
        assertThat(tree).isEqualTo(MAPPER.readTree(bytes));
        assertThat(JsonTrees.write(tree)).isEqualTo(MAPPER.writeValueAsBytes(MAPPER.readTree(bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"a\":1} {}", "{\"a\":}", "[1,2", "{\"a\":1,}", "nope", "[1,]", "01", "-", ".5",
        "1.", "1e", "+1", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "{a:1}", "{\"a\" 1}", "[1 2]",
        "\"tab\tinside\"", "tru", "nulls", "[\"a\"]]", "{\"a\":1}}", "\u00a0[]"})
    void rejectsWhatIsNotOneJsonValue(String json) {
        assertThatThrownBy(() -> JsonTrees.read(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    @org.junit.jupiter.api.Test
    void skipsAByteOrderMarkAndRefusesHugeNumbersAsJacksonDoes() throws IOException {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', '1', ']'};
        assertThat(JsonTrees.read(bom)).isEqualTo(MAPPER.readTree(bom));
        var huge = ("[" + "9".repeat(1001) + "]").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonTrees.read(huge)).isInstanceOf(IOException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> MAPPER.readTree(huge)).isInstanceOf(IOException.class);
    }

    @org.junit.jupiter.api.Test
    void refusesNestingDeeperThanJacksonAllows() {
        var deep = "[".repeat(1001) + "]".repeat(1001);
        assertThatThrownBy(() -> JsonTrees.read(deep.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class)
                .hasMessageContaining("nested deeper than 1000");
        var fine = "[".repeat(1000) + "]".repeat(1000);
        org.assertj.core.api.Assertions.assertThatCode(() -> JsonTrees.read(fine.getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void writesPlainValuesAsObjectMapperDoes() throws IOException {
        var value = new java.util.LinkedHashMap<String, Object>();
        value.put("ociVersion", "1.0.2");
        value.put("process", java.util.Map.of("args", java.util.List.of("sh", "-c", "echo \"hi\"\n"), "terminal", false));
        value.put("uid", 0);
        value.put("size", 1L << 40);
        value.put("none", null);
        value.put("set", new java.util.TreeSet<>(java.util.Set.of("b", "a")));
        assertThat(JsonTrees.writeValue(value)).isEqualTo(MAPPER.writeValueAsBytes(value));
        assertThatThrownBy(() -> JsonTrees.writeValue(java.util.Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} {}", ""})
    void imageCodecNamesWhatWasNotJson(String json) {
        assertThatThrownBy(() -> ImageCodec.decodeManifest(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith("invalid image manifest: not JSON");
    }
}
