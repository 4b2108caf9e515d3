package dev.kiln.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.image.Descriptor;
import dev.kiln.store.BlobInfo;
import dev.kiln.store.GarbageCollector;
import dev.kiln.store.PruneReport;
import dev.kiln.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePruneTest {
    @TempDir
    Path tmp;

    @Test
    void removesWhatNoNamedImageReachesAndKeepsTheRest() throws Exception {
        Store store = Store.open(tmp.resolve("store"));
        Descriptor kept = TestImages.twoLayerImage(store, "app:1.0");
        Descriptor untagged = TestImages.oneFileImage(store, "gone:1", "f", "only in the untagged image");
        store.names().remove("gone:1");
        BlobInfo stray = store.blobs().write("stray".getBytes(StandardCharsets.UTF_8));
        long before = ImageGraph.blobs(store.blobs(), kept).size();

        PruneReport report = GarbageCollector.prune(store, Duration.ZERO);

        assertThat(report.removed()).contains(untagged.digest(), stray.digest()).hasSize(4); // manifest, config, layer, stray
        assertThat(report.reclaimedBytes()).isGreaterThan(untagged.size() + stray.size());
        assertThat(store.blobs().has(untagged.digest())).isFalse();
        assertThat(ImageGraph.blobs(store.blobs(), kept)).hasSize((int) before);
        assertThat(store.blobs().fsck().ok()).isTrue();
        Tools.run("umoci", "unpack", "--image", store.root() + ":app:1.0", tmp.resolve("bundle").toString());
        assertThat(GarbageCollector.prune(store, Duration.ZERO).removed()).isEmpty();
    }

    @Test
    void sparesFreshBlobsWhenAskedTo() throws Exception {
        Store store = Store.open(tmp.resolve("store"));
        BlobInfo fresh = store.blobs().write("fresh".getBytes(StandardCharsets.UTF_8));
        BlobInfo old = store.blobs().write("old".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(store.blobs().path(old.digest()), FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        PruneReport report = GarbageCollector.prune(store, Duration.ofHours(1));

        assertThat(report.removed()).containsExactly(old.digest());
        assertThat(report.reclaimedBytes()).isEqualTo(3);
        assertThat(store.blobs().has(fresh.digest())).isTrue();
    }
}
