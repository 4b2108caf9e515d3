package dev.kiln.solve.mount;

import dev.kiln.internal.sys.Mounts;
import dev.kiln.internal.sys.SysException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The private copies of a step's secret files: in a small tmpfs (as BuildKit does) so their bytes never
 * touch a disk, or in a 0700 temp dir where tmpfs cannot be mounted. Closing unmounts and deletes.
 */
final class SecretFiles implements AutoCloseable {
    private final Path dir;
    private boolean mounted;
    private int count;

    private SecretFiles(Path dir) {
        this.dir = dir;
    }

    static SecretFiles create(Path workRoot) {
        var files = new SecretFiles(MountSources.tempDir(workRoot, "secrets-"));
        try {
            Mounts.mount("kiln-secrets", files.dir, "tmpfs", Mounts.MS_NOSUID | Mounts.MS_NODEV | Mounts.MS_NOEXEC,
                    "mode=0700,size=4m");
            files.mounted = true;
        } catch (SysException | UnsupportedOperationException e) {
            // not root or no tmpfs: the 0700 dir under the work root keeps them private
        }
        return files;
    }

    /** Writes one secret with its mode and owner; returns the file to bind. */
    Path write(byte[] content, int mode, int uid, int gid) {
        var file = dir.resolve("secret-" + count++);
        try {
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setAttribute(file, "unix:uid", uid);
            Files.setAttribute(file, "unix:gid", gid);
            Files.setAttribute(file, "unix:mode", mode & 07777);
            return file;
        } catch (IOException e) {
            throw new MountException("cannot write a secret's private copy in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (mounted) {
            try {
                Mounts.unmount(dir, 0);
            } catch (SysException e) {
                Mounts.unmountDetached(dir);
            }
            mounted = false;
        }
        MountSources.deleteTree(dir);
    }

}
