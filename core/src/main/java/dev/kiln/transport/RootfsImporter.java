package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.DigestingOutputStream;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Manifest;
import dev.kiln.image.MediaType;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.DirectoryEntries;
import dev.kiln.image.layer.LayerBlob;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.internal.io.CloseShieldOutputStream;
import dev.kiln.store.BlobInfo;
import dev.kiln.store.BlobWriter;
import dev.kiln.store.ImageNames;
import dev.kiln.store.Store;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Makes a one-layer image from a root file system, as {@code docker import} does: a tar (plain or
 * compressed) is kept as it is, byte for byte, as the layer; a folder is written by the reproducible
 * layer writer.
 * The layer is stored gzip-compressed, and the config gets one history entry,
 * "Imported from SOURCE".
 */
public final class RootfsImporter {
    private RootfsImporter() {
    }

    /** @param created the image's creation time (docker uses now; SOURCE_DATE_EPOCH makes it reproducible) */
    public static LoadedImage importRootfs(Store store, Path source, String name, Instant created) {
        ImageReference imageName = ImageNames.parse(name);
        Layer layer = Files.isDirectory(source) ? fromDirectory(store, source, created) : fromTar(store, source);
        ImageConfig.History history = new ImageConfig.History(created, "", "", "Imported from " + source, false);
        ImageConfig config = ImageConfig.empty(Platform.current()).withCreated(created).withLayer(layer.diffId(), history);
        BlobInfo configBlob = store.blobs().write(ImageCodec.encode(config));
        Manifest manifest = Manifest.oci(configBlob.descriptor(MediaType.OCI_CONFIG), List.of(layer.descriptor()));
        Descriptor target = store.blobs().write(ImageCodec.encode(manifest)).descriptor(MediaType.OCI_MANIFEST);
        store.names().put(imageName.toString(), target);
        return new LoadedImage(target, configBlob.digest(), List.of(imageName));
    }

    private record Layer(Descriptor descriptor, Digest diffId) {
    }

    @FunctionalInterface
    private interface TarSource {
        void writeTo(OutputStream tar) throws IOException;
    }

    private static Layer fromTar(Store store, Path tarFile) {
        if (!Files.isRegularFile(tarFile)) {
            throw new TransportException(tarFile + " is neither a tar file nor a folder");
        }
        return store(store, tarFile, tar -> {
            try (InputStream raw = Files.newInputStream(tarFile);
                 InputStream plain = CompressedFiles.decompressed(raw, tarFile.toString())) {
                copyCheckingTar(plain, tar, tarFile);
            }
        });
    }

    /** Through the reproducible layer writer: entries sorted, every modification time set to {@code created}. */
    private static Layer fromDirectory(Store store, Path dir, Instant created) {
        try {
            var options = new LayerOptions(MediaType.Compression.GZIP, Math.max(0, created.getEpochSecond()));
            LayerBlob blob = new LayerWriter(store.blobs(), options).write(DirectoryEntries.scan(dir, UnaryOperator.identity()));
            return new Layer(blob.descriptor(), blob.diffId());
        } catch (IOException e) {
            throw new TransportException("cannot import " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Layer store(Store store, Path source, TarSource tarSource) {
        try (BlobWriter blob = store.blobs().newWriter()) {
            var gzip = new GZIPOutputStream(new CloseShieldOutputStream(blob), 1 << 16);
            var tar = new DigestingOutputStream(gzip);
            tarSource.writeTo(tar);
            gzip.finish();
            BlobInfo info = blob.commit();
            return new Layer(info.descriptor(MediaType.OCI_LAYER_GZIP), tar.digest());
        } catch (IOException e) {
            throw new TransportException("cannot import " + source + ": " + e.getMessage(), e);
        }
    }

    /** Copies the whole stream to {@code out} while parsing it as a tar, so a file that is no tar fails. */
    private static void copyCheckingTar(InputStream in, OutputStream out, Path file) throws IOException {
        var tee = new Tee(in, out);
        try {
            var tar = new TarArchiveInputStream(tee);
            int entries = 0;
            while (tar.getNextEntry() != null) {
                entries++;
            }
            if (entries == 0 && tee.copied == 0) {
                throw new TransportException(file + " is empty; give a tar of a root file system");
            }
        } catch (IOException e) {
            throw new TransportException(file + " is not a tar archive (" + e.getMessage() + "); give a tar of a root "
                    + "file system, plain or gzip/zstd/bzip2-compressed, or a folder", e);
        }
        tee.transferTo(OutputStream.nullOutputStream());
    }

    /** Writes what is read from {@code in} to {@code out}. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream out;
        private long copied;

        Tee(InputStream in, OutputStream out) {
            super(in);
            this.out = out;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                out.write(b);
                copied++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                out.write(b, off, n);
                copied += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
            long left = n;
            while (left > 0) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
