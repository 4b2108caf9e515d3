package dev.kiln.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerPlanTest {
    private static final byte[] DATA = "data".getBytes(StandardCharsets.UTF_8);

    @Test
    void sortsByPathAddsParentsAndCleansPaths() {
        List<LayerEntry> planned = LayerPlan.order(List.of(
                LayerEntry.file("/usr/bin/tool", 0755, DATA),
                LayerEntry.file("./a.txt", 0644, DATA),
                LayerEntry.directory("a/", 0700),
                LayerEntry.file("a//b/./c", 0600, DATA),
                LayerEntry.directory("/", 0755)));
        assertThat(planned).extracting(LayerEntry::path)
                .containsExactly("a", "a.txt", "a/b", "a/b/c", "usr", "usr/bin", "usr/bin/tool");
        assertThat(planned.get(0).attributes().mode()).isEqualTo(0700); // the given one wins over an implicit parent
        assertThat(planned.get(2).attributes()).isEqualTo(EntryAttributes.ROOT_DIR);
    }

    @Test
    void ordersByCodePointNotUtf16() {
        // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF21 by code point and in UTF-8 bytes
        List<LayerEntry> planned = LayerPlan.order(List.of(LayerEntry.file("\uD83D\uDE00", 0644, DATA),
                LayerEntry.file("\uFF21", 0644, DATA)));
        assertThat(planned).extracting(LayerEntry::path).containsExactly("\uFF21", "\uD83D\uDE00");
    }

    @Test
    void hardlinksComeAfterTheFileTheyName() {
        var file = LayerEntry.file("z/file", 0640, DATA);
        var link = new LayerEntry.Hardlink("a-link", EntryAttributes.ROOT_FILE, "/z/file");
        var chained = new LayerEntry.Hardlink("m-link", EntryAttributes.ROOT_FILE, "a-link");
        List<LayerEntry> planned = LayerPlan.order(List.of(file, link, chained));
        assertThat(planned.get(0)).isInstanceOf(LayerEntry.RegularFile.class);
        assertThat(planned.get(0).path()).isEqualTo("a-link");
        assertThat(planned.get(0).attributes().mode()).isEqualTo(0640);
        assertThat(planned).filteredOn(e -> e instanceof LayerEntry.Hardlink)
                .extracting(e -> ((LayerEntry.Hardlink) e).target()).containsOnly("a-link");
        assertThat(planned).extracting(LayerEntry::path).containsExactly("a-link", "m-link", "z", "z/file");
    }

    @Test
    void refusesWhatCannotBeALayer() {
        assertThatThrownBy(() -> LayerPlan.order(List.of(LayerEntry.file("../etc/passwd", 0644, DATA))))
                .isInstanceOf(LayerException.class).hasMessageContaining("'..'");
        assertThatThrownBy(() -> LayerPlan.order(List.of(LayerEntry.file("x", 0644, DATA), LayerEntry.file("/x", 0644, DATA))))
                .isInstanceOf(LayerException.class).hasMessageContaining("two entries for 'x'");
        assertThatThrownBy(() -> LayerPlan.order(List.of(LayerEntry.file("f", 0644, DATA), LayerEntry.file("f/g", 0644, DATA))))
                .isInstanceOf(LayerException.class).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> LayerPlan.order(List.of(new LayerEntry.Hardlink("l", EntryAttributes.ROOT_FILE, "missing"))))
                .isInstanceOf(LayerException.class).hasMessageContaining("not a file in the same layer");
        assertThatThrownBy(() -> EntryAttributes.of(0100644)).isInstanceOf(LayerException.class);
    }
}
