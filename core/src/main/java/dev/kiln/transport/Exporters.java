package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Platform;
import dev.kiln.store.BlobStore;
import dev.kiln.store.Store;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The exporter for each {@link OutputType}. */
public final class Exporters {
    private Exporters() {
    }

    /** Exports {@code target} as {@code spec} says, under {@code spec.names()}; {@code stdout} serves {@code dest=-}. */
    public static ExportResult export(Store store, Descriptor target, OutputSpec spec, OutputStream stdout) {
        return forSpec(spec, stdout).export(store, target, spec.names());
    }

    public static ImageExporter forSpec(OutputSpec spec, OutputStream stdout) {
        return switch (spec.type()) {
            case IMAGE, REGISTRY -> Exporters::toStore;
            case OCI, DOCKER -> spec.tar()
                    ? (store, target, names) -> archive(store, target, names, spec, stdout)
                    : (store, target, names) -> layout(store, target, names, Path.of(spec.dest()));
            case LOCAL -> (store, target, names) -> {
                RootfsWriter.apply(store.blobs(), target, Path.of(spec.dest()));
                return ExportResult.filesOnly();
            };
            case TAR -> (store, target, names) -> rootfsTar(store, target, spec, stdout);
        };
    }

    private static ExportResult toStore(Store store, Descriptor target, List<String> names) {
        List<ImageReference> parsed = ExportName.parseAll(names);
        Descriptor unnamed = ExportName.unnamed(target);
        for (ImageReference name : parsed) {
            store.names().put(name.toString(), unnamed);
        }
        return result(store.blobs(), unnamed, parsed);
    }

    private static ExportResult archive(Store store, Descriptor target, List<String> names, OutputSpec spec, OutputStream stdout) {
        List<ImageReference> parsed = ExportName.parseAll(names);
        var format = spec.type() == OutputType.DOCKER ? ImageArchive.Format.DOCKER : ImageArchive.Format.OCI;
        writeTo(spec, stdout, out -> ImageArchive.write(store.blobs(), List.of(new ArchiveImage(target, parsed)), format, out));
        return result(store.blobs(), ExportName.unnamed(target), parsed);
    }

    private static ExportResult layout(Store store, Descriptor target, List<String> names, Path dest) {
        List<ImageReference> parsed = ExportName.parseAll(names);
        new OciLayoutWriter(dest).add(store.blobs(), target, parsed);
        return result(store.blobs(), ExportName.unnamed(target), parsed);
    }

    private static ExportResult rootfsTar(Store store, Descriptor target, OutputSpec spec, OutputStream stdout) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("kiln-rootfs-");
            RootfsWriter.apply(store.blobs(), target, scratch);
            Path tree = scratch;
            writeTo(spec, stdout, out -> {
                try {
                    DirectoryTarWriter.write(tree, out);
                } catch (IOException e) {
                    throw new TransportException("cannot write the image's files as a tar: " + e.getMessage(), e);
                }
            });
            return ExportResult.filesOnly();
        } catch (IOException e) {
            throw new TransportException("cannot make a scratch folder for the image's files: " + e.getMessage(), e);
        } finally {
            ScratchFolders.deleteQuietly(scratch);
        }
    }

    /** Streams to standard output, or to a temp file beside {@code dest} renamed over it once complete. */
    private static void writeTo(OutputSpec spec, OutputStream stdout, java.util.function.Consumer<OutputStream> body) {
        if (spec.toStdout()) {
            body.accept(stdout);
            flush(stdout);
            return;
        }
        AtomicFileOutput.write(Path.of(spec.dest()), body);
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new TransportException("cannot write to standard output: " + e.getMessage(), e);
        }
    }

    private static ExportResult result(BlobStore blobs, Descriptor target, List<ImageReference> names) {
        Descriptor manifest = ImageGraph.manifestFor(blobs, target, Platform.current());
        Digest config = ImageCodec.decodeManifest(blobs.readAll(manifest.digest())).config().digest();
        return ExportResult.image(target, config, names);
    }

    static BufferedOutputStream buffered(OutputStream out) {
        return new BufferedOutputStream(out, 1 << 16);
    }
}
