package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.internal.paths.RootedPaths;
import dev.kiln.internal.sys.FileNodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * WORKDIR's directory, made as BuildKit makes it: {@code mkdir -p} with mode 0755, owned by the
 * stage's USER, as one layer (empty when the directory already exists, as BuildKit's is).
 */
final class WorkdirStep {
    private final BuildServices services;

    WorkdirStep(BuildServices services) {
        this.services = services;
    }

    LayerRef create(String path, ImageState state, StageConfig config, LayerWriter writer) {
        var lowers = state.layers().stream().map(l -> services.snapshots().unpacked(l.blob(), l.diffId())).toList();
        try (var snapshot = services.snapshotter().prepare(lowers)) {
            var user = UserLookup.in(snapshot.root()).resolve(config.config().config().user());
            var current = "";
            for (var part : path.substring(1).split("/")) {
                current = current + "/" + part;
                var dir = RootedPaths.onHost(snapshot.root(), current);
                if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(dir);
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                    FileNodes.lchown(dir, user.uid(), user.gid());
                } else if (!Files.isDirectory(dir)) {
                    throw new KilnException("WORKDIR " + path + ": " + current + " exists and is not a directory");
                }
            }
            var layer = writer.write(ChangeEntries.of(snapshot.changes()));
            return new LayerRef(layer.descriptor(), layer.diffId());
        } catch (IOException e) {
            throw new KilnException("WORKDIR " + path + ": cannot create the directory: " + e.getMessage(), e);
        }
    }
}
