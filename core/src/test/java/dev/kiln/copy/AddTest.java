package dev.kiln.copy;

import static dev.kiln.copy.Trees.add;
import static dev.kiln.copy.Trees.dir;
import static dev.kiln.copy.Trees.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.github.luben.zstd.ZstdOutputStream;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddTest {
    @TempDir Path tmp;
    Path ctx;
    HttpServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws IOException {
        ctx = dir(tmp, "ctx", 0755);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    Map<String, String> run(Add a) {
        try (var downloads = new Downloads(tmp.resolve("scratch"), () -> http);
             CopyResult r = CopyOperation.add(a, new CopySource.Context(ctx, null), Destination.scratch("/"),
                     tmp.resolve("scratch"), downloads)) {
            return Trees.describe(r.entries());
        }
    }

    static byte[] tar(Function<OutputStream, OutputStream> compressor, String... extraEscape) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (OutputStream compressed = compressor.apply(bytes); var tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry pkg = new TarArchiveEntry("./pkg/");
            pkg.setMode(040750);
            pkg.setIds(1, 2);
            tar.putArchiveEntry(pkg);
            tar.closeArchiveEntry();
            byte[] content = "binary".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry bin = new TarArchiveEntry("./pkg/bin");
            bin.setMode(0100755);
            bin.setIds(1, 2);
            bin.setSize(content.length);
            tar.putArchiveEntry(bin);
            tar.write(content);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("pkg/ln", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("bin");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry hard = new TarArchiveEntry("pkg/hard", TarArchiveEntry.LF_LINK);
            hard.setLinkName("./pkg/bin");
            tar.putArchiveEntry(hard);
            tar.closeArchiveEntry();
            for (String name : extraEscape) {
                TarArchiveEntry evil = new TarArchiveEntry(name);
                evil.setSize(0);
                tar.putArchiveEntry(evil);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static OutputStream compress(String kind, OutputStream out) {
        try {
            return switch (kind) {
                case "gzip" -> new GzipCompressorOutputStream(out);
                case "bzip2" -> new BZip2CompressorOutputStream(out);
                case "xz" -> new XZCompressorOutputStream(out);
                case "zstd" -> new ZstdOutputStream(out);
                default -> out;
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "bzip2", "xz", "zstd"})
    void localArchivesAreUnpackedWhateverTheirCompressionAndName(String kind) throws IOException {
        Files.write(ctx.resolve("blob.bin"), tar(out -> compress(kind, out)));
        assertThat(run(add(Optional.empty(), Optional.empty(), "blob.bin", "/opt"))).containsExactly(
                entry("opt", "dir 755 0:0"), entry("opt/pkg", "dir 750 1:2"), entry("opt/pkg/bin", "file 755 1:2 'binary'"),
                entry("opt/pkg/hard", "hardlink -> opt/pkg/bin"), entry("opt/pkg/ln", "link 0:0 -> bin"));
    }

    @Test
    void unpackFalseCopiesTheArchiveAsAFile() throws IOException {
        Files.write(ctx.resolve("app.tar"), tar(out -> out));
        Trees.chmod(ctx.resolve("app.tar"), 0644);
        assertThat(run(add(Optional.empty(), Optional.of(false), "app.tar", "/opt/"))).containsOnlyKeys("opt", "opt/app.tar");
    }

    @Test
    void compressedFilesThatAreNotTarsAreCopiedAsTheyAre() throws IOException {
        try (var gz = new GzipCompressorOutputStream(Files.newOutputStream(ctx.resolve("notes.gz")))) {
            gz.write("just text, no tar header".repeat(40).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run(add(Optional.empty(), Optional.empty(), "notes.gz", "/d/"))).containsOnlyKeys("d", "d/notes.gz");
    }

    @Test
    void archiveEntriesMayNotLeaveTheDestination() throws IOException {
        Files.write(ctx.resolve("evil.tar"), tar(out -> out, "pkg/../../escape"));
        assertThatThrownBy(() -> run(add(Optional.empty(), Optional.empty(), "evil.tar", "/opt/")))
                .isInstanceOf(InstructionException.class).hasMessageContaining("pkg/../../escape")
                .hasMessageContaining("outside the destination");
    }

    @Test
    void chownAppliesToUnpackedEntries() throws IOException {
        Files.write(ctx.resolve("a.tgz"), tar(out -> compress("gzip", out)));
        Add a = new Add(java.util.List.of("a.tgz"), java.util.List.of(), "/x", Optional.of("9:8"), Optional.empty(),
                false, java.util.List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Trees.RANGE, "ADD");
        assertThat(run(a)).containsEntry("x", "dir 755 9:8").containsEntry("x/pkg/bin", "file 755 9:8 'binary'");
    }

    String serve(String path, int status, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void urlIsDownloadedAsA0600FileNamedAfterThePath() {
        String url = serve("/files/tool.sh", 200, "echo hi\n".getBytes(StandardCharsets.UTF_8));
        assertThat(run(add(Optional.empty(), Optional.empty(), url, "/usr/local/bin/")))
                .containsEntry("usr/local/bin/tool.sh", "file 600 0:0 'echo hi\n'");
        assertThat(run(add(Optional.empty(), Optional.empty(), url, "/renamed"))).containsEntry("renamed", "file 600 0:0 'echo hi\n'");
        assertThat(tmp.resolve("scratch").toFile().list()).as("downloads are deleted when the result closes").isEmpty();
    }

    @Test
    void theCacheKeyAndTheCopyShareOneDownload() throws IOException {
        var requests = new java.util.concurrent.atomic.AtomicInteger();
        byte[] body = "fetched once".getBytes(StandardCharsets.UTF_8);
        server.createContext("/once", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/once";
        var a = add(Optional.empty(), Optional.empty(), url, "/d/");
        var context = new CopySource.Context(ctx, null);
        try (var downloads = new Downloads(tmp.resolve("scratch"), () -> http)) {
            var key = CopyOperation.selectionDigest(a, context, Destination.scratch("/"), tmp.resolve("scratch"), downloads);
            try (CopyResult r = CopyOperation.add(a, context, Destination.scratch("/"), tmp.resolve("scratch"), downloads)) {
                assertThat(Trees.describe(r.entries())).containsEntry("d/once", "file 600 0:0 'fetched once'");
                assertThat(CopyOperation.selectionDigest(r.entries())).isEqualTo(key);
            }
        }
        assertThat(requests).hasValue(1);
        assertThat(tmp.resolve("scratch").toFile().list()).as("downloads are deleted when the step closes").isEmpty();
    }

    @Test
    void checksumIsVerified() {
        byte[] body = "payload".getBytes(StandardCharsets.UTF_8);
        String url = serve("/p", 200, body);
        String good = Digest.of(body).toString();
        assertThat(run(add(Optional.of(good), Optional.empty(), url, "/d/"))).containsEntry("d/p", "file 600 0:0 'payload'");
        String bad = Digest.of("other".getBytes(StandardCharsets.UTF_8)).toString();
        assertThatThrownBy(() -> run(add(Optional.of(bad), Optional.empty(), url, "/d/")))
                .isInstanceOf(InstructionException.class).hasMessageContaining("checksum mismatch")
                .hasMessageContaining(bad).hasMessageContaining(good);
    }

    @Test
    void httpErrorsAndBadChecksumsAreClear() {
        String missing = serve("/missing", 404, new byte[0]);
        assertThatThrownBy(() -> run(add(Optional.empty(), Optional.empty(), missing, "/d/"))).hasMessageContaining("HTTP 404");
        file(ctx, "local", "L", 0644);
        assertThatThrownBy(() -> run(add(Optional.of("sha256:abc"), Optional.empty(), missing, "/d/")))
                .hasMessageContaining("invalid --checksum");
        assertThatThrownBy(() -> run(add(Optional.of(Digest.of(new byte[0]).toString()), Optional.empty(), "local", "/d/")))
                .hasMessageContaining("checksum requires HTTP(S) or Git sources");
    }

    @Test
    void remoteArchivesAreUnpackedOnlyWhenAsked() throws IOException {
        String url = serve("/dl/app.tar.gz", 200, tar(out -> compress("gzip", out)));
        assertThat(run(add(Optional.empty(), Optional.empty(), url, "/d/"))).containsOnlyKeys("d", "d/app.tar.gz");
        assertThat(run(add(Optional.empty(), Optional.of(true), url, "/d/"))).containsKeys("d/pkg/bin", "d/pkg/ln");
    }

    @Test
    void gitSourcesAreNotSupportedYetAndUrlsNeedAdd() {
        assertThatThrownBy(() -> run(add(Optional.empty(), Optional.empty(), "https://example.com/org/repo.git#main", "/src")))
                .isInstanceOf(InstructionException.class).hasMessageContaining("not supported yet");
        assertThatThrownBy(() -> CopyOperation.copy(Trees.copy("http://127.0.0.1:1/x", "/x"), new CopySource.Context(ctx, null),
                Destination.scratch("/"), tmp.resolve("s"))).hasMessageContaining("use ADD");
    }
}
