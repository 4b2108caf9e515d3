package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path root;

    @Test
    void openCreatesAnOciImageLayout() throws IOException {
        Store.open(root);
        assertThat(Files.readString(root.resolve("oci-layout"))).isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
        assertThat(ImageCodec.decodeIndex(Files.readAllBytes(root.resolve("index.json"))).manifests()).isEmpty();
        assertThat(root.resolve("blobs/sha256")).isDirectory();
    }

    @Test
    void openRemovesIndexCopiesAKilledWriterLeftAndOtherwiseLeavesTheIndexAlone() throws IOException {
        Store.open(root);
        var index = root.resolve("index.json");
        var old = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));
        Files.setLastModifiedTime(index, old);
        Store.open(root);
        assertThat(Files.getLastModifiedTime(index)).isEqualTo(old);

        var leftover = Files.writeString(root.resolve(AtomicFiles.TEMP_PREFIX + "index.json-123"), "{\"half");
        Files.delete(index);
        Store.open(root);
        assertThat(leftover).doesNotExist();
        assertThat(ImageCodec.decodeIndex(Files.readAllBytes(index)).manifests()).isEmpty();
    }

    @Test
    void writesBlobsUnderTheirDigestAndReadsThemBack() throws IOException {
        BlobStore blobs = Store.open(root).blobs();
        byte[] bytes = "hello blob".getBytes(StandardCharsets.UTF_8);
        BlobInfo info = blobs.write(bytes);
        assertThat(info.digest()).isEqualTo(Digest.of(bytes));
        assertThat(info.size()).isEqualTo(bytes.length);
        assertThat(root.resolve("blobs/sha256/" + info.digest().encoded())).hasBinaryContent(bytes);
        assertThat(blobs.readAll(info.digest())).isEqualTo(bytes);
        assertThat(blobs.verify(info.digest())).isTrue();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aSourceFailingMidWriteLeavesNothing() throws IOException {
        BlobStore blobs = Store.open(root).blobs();
        // 300 000 bytes, then a failure on every later read (bounded, whatever the caller does)
        InputStream failing = new InputStream() {
            long served;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= 300_000) {
                    throw new IOException("connection reset");
                }
                int n = (int) Math.min(len, 300_000 - served);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                served += n;
                return n;
            }
        };
        assertThatThrownBy(() -> blobs.write(failing, null, -1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("connection reset");
        assertThat(allBlobFiles()).isEmpty();
    }

    @Test
    void aBlobNotMatchingItsExpectedDigestOrSizeIsRefused() throws IOException {
        BlobStore blobs = Store.open(root).blobs();
        byte[] bytes = "real".getBytes(StandardCharsets.UTF_8);
        Digest claimed = Digest.of("claimed".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> blobs.write(new java.io.ByteArrayInputStream(bytes), claimed, bytes.length))
                .isInstanceOf(StoreException.class).hasMessageContaining("does not match its digest");
        assertThatThrownBy(() -> blobs.write(new java.io.ByteArrayInputStream(bytes), Digest.of(bytes), 99))
                .isInstanceOf(StoreException.class).hasMessageContaining("expected 99");
        assertThat(allBlobFiles()).isEmpty();
        assertThat(blobs.has(claimed)).isFalse();
    }

    @Test
    void twoThreadsWritingTheSameBlobBothSucceedWithOneCopy() throws Exception {
        BlobStore blobs = Store.open(root).blobs();
        byte[] bytes = new byte[3 << 20];
        new Random(7).nextBytes(bytes);
        var barrier = new CyclicBarrier(2);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<BlobInfo>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(pool.submit(() -> {
                    try (BlobWriter writer = blobs.newWriter()) {
                        writer.write(bytes, 0, bytes.length / 2);
                        barrier.await(); // both are mid-write at once
                        writer.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                        return writer.commit(Digest.of(bytes), bytes.length);
                    }
                }));
            }
            assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
        }
        assertThat(allBlobFiles()).containsExactly(blobs.path(Digest.of(bytes)));
        assertThat(blobs.readAll(Digest.of(bytes))).isEqualTo(bytes);
    }

    @Test
    void openRemovesStaleTempFilesButNotThoseOfLiveWriters() throws Exception {
        Store.open(root);
        Path stale = root.resolve("blobs/sha256/.tmp-dead-writer");
        Files.write(stale, new byte[100]);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Path staleIndex = root.resolve(".tmp-index.json-dead");
        Files.write(staleIndex, new byte[5]);
        try (BlobWriter live = Store.open(root).blobs().newWriter()) {
            live.write(new byte[] {1, 2, 3});
            for (Path temp : tempFiles()) {
                Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(3600)));
            }
            Store.open(root);
            assertThat(stale).doesNotExist();
            assertThat(staleIndex).doesNotExist();
            assertThat(tempFiles()).hasSize(1);
            assertThat(live.commit().digest()).isEqualTo(Digest.of(new byte[] {1, 2, 3}));
        }
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void fsckAndVerifiedReadsCatchCorruptBlobs() throws IOException {
        BlobStore blobs = Store.open(root).blobs();
        BlobInfo good = blobs.write("good".getBytes(StandardCharsets.UTF_8));
        BlobInfo bad = blobs.write("will rot".getBytes(StandardCharsets.UTF_8));
        Files.writeString(blobs.path(bad.digest()), "rotten!!");
        Files.writeString(root.resolve("blobs/sha256/not-a-digest"), "?");

        FsckReport report = blobs.fsck();
        assertThat(report.checked()).isEqualTo(3);
        assertThat(report.badBlobs()).containsExactlyInAnyOrder(blobs.path(bad.digest()), root.resolve("blobs/sha256/not-a-digest"));
        assertThat(blobs.verify(good.digest())).isTrue();
        assertThat(blobs.verify(bad.digest())).isFalse();
        assertThatThrownBy(() -> blobs.readAll(bad.digest())).isInstanceOf(StoreException.class)
                .hasMessageContaining("is corrupt");
        assertThatThrownBy(() -> blobs.readAll(Digest.of(new byte[1]))).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not in the store");
    }

    @Test
    void namesArePutFoundListedAndRemovedAcrossStoreInstances() throws IOException {
        Store store = Store.open(root);
        Descriptor manifest = store.blobs().write("{}".getBytes(StandardCharsets.UTF_8)).descriptor(MediaType.OCI_MANIFEST);
        Descriptor other = store.blobs().write("{ }".getBytes(StandardCharsets.UTF_8)).descriptor(MediaType.OCI_MANIFEST);
        store.names().put("hello", manifest);
        store.names().put("ghcr.io/me/app:1", other);

        ImageNames reopened = Store.open(root).names();
        Descriptor found = reopened.get("docker.io/library/hello:latest").orElseThrow();
        assertThat(found.digest()).isEqualTo(manifest.digest());
        assertThat(found.annotations()).containsEntry(ImageNames.OCI_REF_NAME, "hello:latest")
                .containsEntry(ImageNames.CONTAINERD_NAME, "docker.io/library/hello:latest");
        assertThat(reopened.list()).extracting(n -> n.name().toString())
                .containsExactly("docker.io/library/hello:latest", "ghcr.io/me/app:1");

        store.names().put("hello:latest", other);
        assertThat(reopened.get("hello").orElseThrow().digest()).isEqualTo(other.digest());
        assertThat(reopened.list()).hasSize(2);

        assertThat(store.names().remove("hello")).isTrue();
        assertThat(store.names().remove("hello")).isFalse();
        assertThat(reopened.get("hello")).isEmpty();
        assertThat(Files.readString(root.resolve("index.json"))).contains("ghcr.io/me/app:1").doesNotContain("hello");
    }

    @Test
    void concurrentNameUpdatesAreNotLost() throws Exception {
        Store store = Store.open(root);
        Descriptor manifest = store.blobs().write("{}".getBytes(StandardCharsets.UTF_8)).descriptor(MediaType.OCI_MANIFEST);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                int n = i;
                pool.submit(() -> Store.open(root).names().put("img" + n, manifest));
            }
        }
        assertThat(store.names().list()).hasSize(40);
    }

    private List<Path> tempFiles() throws IOException {
        return allFiles().stream().filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
    }

    private List<Path> allBlobFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
