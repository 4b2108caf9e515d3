package dev.kiln.cli.examples;

import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.LayerStreams;
import dev.kiln.store.Store;
import dev.kiln.transport.ImageGraph;
import dev.kiln.transport.StoredImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What an image of the store holds, read from its layer blobs: every layer's entries (path to size),
 * its config, its sizes. Paths are relative to the root ("usr/bin/go").
 */
record ImageContents(Path home, String name, StoredImage image, List<Layer> layers) {

    /** One layer: its blob and its tar entries, path to content size (0 for links, -1 for directories). */
    record Layer(Descriptor blob, Map<String, Long> entries) {
        long fileBytes() {
            return entries.values().stream().mapToLong(size -> Math.max(0, size)).sum();
        }
    }

    static ImageContents read(Path home, String name) {
        var store = Store.open(home);
        var target = store.names().get(name)
                .orElseThrow(() -> new AssertionError("no image " + name + " in the store " + home));
        var image = StoredImage.read(store.blobs(), ImageGraph.manifestFor(store.blobs(), target, Platform.current()));
        var layers = image.layers().stream().map(blob -> new Layer(blob, entries(store, blob))).toList();
        return new ImageContents(home, name, image, layers);
    }

    ImageConfig.Container config() {
        return image.config().config();
    }

    /** docker's SIZE, near enough: the bytes of every file of every layer, as unpacked. */
    long unpackedSize() {
        return layers.stream().mapToLong(Layer::fileBytes).sum();
    }

    /** What {@code kiln images} shows: manifest, config and compressed layers. */
    long storedSize() {
        return image.contentSize();
    }

    /** Every path any layer writes. */
    Set<String> paths() {
        return union(layers);
    }

    /** The files and links (not directories) the layers this image has on top of {@code base}'s write. */
    Set<String> filesAddedOver(ImageContents base) {
        var baseBlobs = base.layers.stream().map(l -> l.blob().digest()).toList();
        var ownBlobs = layers.stream().map(l -> l.blob().digest()).toList();
        if (ownBlobs.size() < baseBlobs.size() || !ownBlobs.subList(0, baseBlobs.size()).equals(baseBlobs)) {
            throw new AssertionError(name + " is not built on " + base.name + ": its first layers differ");
        }
        var files = new TreeSet<String>();
        for (var layer : layers.subList(baseBlobs.size(), layers.size())) {
            layer.entries.forEach((path, size) -> {
                if (size >= 0) files.add(path);
            });
        }
        return files;
    }

    /** The content of the file at {@code path} as the image shows it (the topmost layer writing it). */
    String read(String path) {
        var store = Store.open(home);
        for (var layer : layers.reversed()) {
            if (!layer.entries.containsKey(path)) continue;
            try (var tar = new TarArchiveInputStream(
                    LayerStreams.uncompressed(store.blobs().open(layer.blob.digest()), layer.blob.mediaType()))) {
                for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (normalize(entry.getName()).equals(path)) {
                        return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError(name + " has no file " + path);
    }

    private static Set<String> union(Collection<Layer> layers) {
        var paths = new TreeSet<String>();
        layers.forEach(layer -> paths.addAll(layer.entries.keySet()));
        return paths;
    }

    private static Map<String, Long> entries(Store store, Descriptor blob) {
        var entries = new TreeMap<String, Long>();
        try (var tar = new TarArchiveInputStream(
                LayerStreams.uncompressed(store.blobs().open(blob.digest()), blob.mediaType()))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(normalize(entry.getName()), entry.isDirectory() ? -1L : entry.isFile() ? entry.getSize() : 0L);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading layer " + blob.digest() + " of the store", e);
        }
        return entries;
    }

    private static String normalize(String tarName) {
        return tarName.replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
    }
}
