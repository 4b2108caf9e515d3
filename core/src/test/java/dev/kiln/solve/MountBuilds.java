package dev.kiln.solve;

import dev.kiln.exec.ExecSpec;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.image.layer.LayerStreams;
import dev.kiln.image.Platform;
import dev.kiln.plan.BuildRequest;
import dev.kiln.plan.Frontend;
import dev.kiln.snapshot.Snapshotter;
import dev.kiln.solve.mount.RunMountInputs;
import dev.kiln.store.Store;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs whole builds for the RUN --mount tests and reads what they made. */
final class MountBuilds {
    final Store store;
    final Path context;
    final List<String> log = new CopyOnWriteArrayList<>();

    MountBuilds(Store store, Path context) {
        this.store = store;
        this.context = context;
    }

    BuildResult build(String dockerfile, RunMountInputs inputs) {
        var platform = Platform.current().normalized();
        var plan = Frontend.plan("Dockerfile", dockerfile,
                new BuildRequest(Map.of(), Optional.empty(), platform.toString(), platform.toString()));
        var services = new BuildServices(store, LayerOptions.defaults(), Snapshotter.Strategy.AUTO, log::add);
        var options = BuildOptions.of(context, List.of(), platform).withMounts(inputs);
        return Solver.build(plan, options, services, new StepLog() {
            public void started(String stage, String s) { log.add("start " + s); }
            public void output(String s, String line) { log.add("out " + line); }
            public void cached(String stage, String s) { log.add("cached " + s); }
            public void done(String s) { log.add("done " + s); }
        });
    }

    BuildResult build(String dockerfile) {
        return build(dockerfile, RunMountInputs.none());
    }

    /** The entries of the image's last layer: path → "dir", "-> target" or the file's text. */
    Map<String, String> lastLayer(BuildResult result) {
        var layers = result.image().layers();
        return entries(layers.getLast());
    }

    Map<String, String> entries(LayerRef layer) {
        var entries = new TreeMap<String, String>();
        try (var in = new TarArchiveInputStream(LayerStreams.uncompressed(store.blobs().open(layer.blob().digest()),
                layer.blob().mediaType()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e.isDirectory() ? "dir" : e.isSymbolicLink() ? "-> " + e.getLinkName()
                        : new String(in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Every blob of the store as bytes, layers decompressed too. */
    List<byte[]> allBlobContents() throws IOException {
        var contents = new java.util.ArrayList<byte[]>();
        try (var files = Files.walk(store.root().resolve("blobs"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var bytes = Files.readAllBytes(file);
                contents.add(bytes);
                if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                        contents.add(in.readAllBytes());
                    }
                }
            }
        }
        return contents;
    }

    /** Mount points under {@code dir} in this process's mount table. */
    static List<String> mountsUnder(Path dir) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(line -> line.contains(dir.toString())).toList();
    }
}
