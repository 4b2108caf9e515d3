package dev.kiln.copy;

import dev.kiln.dockerfile.instructions.HeredocSource;
import dev.kiln.image.Digest;
import dev.kiln.image.layer.LayerEntry;
import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/** Plans the entries of one COPY/ADD, source by source, as BuildKit's dispatchCopy and file backend do. */
final class CopyPlanner {
    private final CopyRequest request;
    private final CopySource source;
    private final ScratchFiles scratch;
    private final Downloads downloads;
    private final DestTree dest;
    private final String destination;
    private final CopyOptions options;

    CopyPlanner(CopyRequest request, CopySource source, Destination destination, ScratchFiles scratch,
                Downloads downloads) {
        this.request = request;
        this.source = source;
        this.scratch = scratch;
        this.downloads = downloads;
        Destination target = request.linksOntoScratch() ? destination.withoutExistingContents() : destination;
        this.dest = DestTree.of(target);
        this.destination = destination.absolutePath(request.destination());
        Optional<Owner> owner = Owner.parse(request.chown(), destination.root());
        ContextFilter excludes = request.excludes().isEmpty() ? null : ContextFilter.compile(request.excludes());
        this.options = new CopyOptions(owner, new ModeRule(request.chmod()), null, excludes);
    }

    List<LayerEntry> plan() {
        validate();
        for (String src : request.sources()) {
            if (RemoteFile.isHttp(src)) {
                copyUrl(src);
            } else {
                copyLocal(src);
            }
        }
        for (HeredocSource heredoc : request.heredocs()) {
            copyHeredoc(heredoc);
        }
        return dest.entries();
    }

    private void validate() {
        for (String src : request.sources()) {
            if (GitSources.isGit(src)) {
                throw new CopyException(request.add()
                        ? "ADD from a Git repository (" + src + ") is not supported yet; clone it in an earlier stage and COPY --from it"
                        : "source can't be a git ref for COPY");
            }
            if (RemoteFile.isHttp(src) && !request.add()) {
                throw new CopyException("source can't be a URL for COPY; use ADD to download " + src);
            }
        }
        if (request.checksum().isPresent()) {
            if (request.sources().size() != 1) {
                throw new CopyException("checksum can't be specified for multiple sources");
            }
            if (!RemoteFile.isHttp(request.sources().getFirst())) {
                throw new CopyException("checksum requires HTTP(S) or Git sources");
            }
        }
    }

    private void copyLocal(String written) {
        SourceTree tree = SourceTree.of(source);
        SourceSelection selection = SourceSelection.of(written, request.parents());
        CopyOptions perSource = new CopyOptions(options.owner(), options.mode(), selection.includes(), options.excludes());
        boolean unpack = request.add() && request.unpack().orElse(true);
        for (String match : selection.matches(tree, written)) {
            String followed = tree.resolve(match);
            FileStat stat = tree.stat(followed);
            if (stat == null) {
                throw SourceSelection.notFound(tree, written);
            }
            if (unpack && stat.type() == FileStat.Type.FILE && Archives.isArchive(tree.hostPath(followed))) {
                new ArchiveUnpacker(dest, options, scratch).unpack(tree.hostPath(followed), written, destination);
                continue;
            }
            new TreeCopier(tree, dest, perSource).copy(followed, RootedPaths.base(match), destination, true);
        }
    }

    private void copyUrl(String url) {
        Optional<Digest> checksum = RemoteFile.parseChecksum(request.checksum());
        Path file = downloads.fetch(url, checksum);
        Path dir = file.getParent();
        if (request.unpack().orElse(false) && Archives.isArchive(file)) {
            new ArchiveUnpacker(dest, options, scratch).unpack(file, url, destination);
            return;
        }
        SourceTree tree = new SourceTree(dir, true, ContextFilter.NONE);
        String name = file.getFileName().toString();
        new TreeCopier(tree, dest, options).copy(name, name, destination, false);
    }

    /** A heredoc is a 0644 file made on an empty filesystem, then copied like a file. */
    private void copyHeredoc(HeredocSource heredoc) {
        Path dir = scratch.newDirectory();
        String name = RootedPaths.clean(heredoc.path());
        if (name.isEmpty()) {
            throw new CopyException("a heredoc source needs a file name");
        }
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, heredoc.data().getBytes(StandardCharsets.UTF_8));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new CopyException("cannot prepare the heredoc " + heredoc.path() + ": " + e.getMessage(), e);
        }
        SourceTree tree = new SourceTree(dir, true, ContextFilter.NONE);
        new TreeCopier(tree, dest, options).copy(name, RootedPaths.base(name), destination, false);
    }
}
