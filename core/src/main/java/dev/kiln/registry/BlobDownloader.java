package dev.kiln.registry;

import dev.kiln.image.Descriptor;
import dev.kiln.store.BlobWriter;
import dev.kiln.store.Store;
import dev.kiln.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams one blob from a registry into the store. A connection broken mid-body resumes with a
 * {@code Range} request where the registry honours it (206), else starts over; the blob is
 * committed only when its size and digest match the descriptor, so a bad download leaves nothing.
 */
final class BlobDownloader {
    private static final Pattern CONTENT_RANGE_START = Pattern.compile("bytes\\s+(\\d+)-");

    private final RegistrySession session;
    private final Store store;
    private final String repository;

    BlobDownloader(RegistrySession session, Store store, String repository) {
        this.session = session;
        this.store = store;
        this.repository = repository;
    }

    void download(Descriptor blob) {
        try (Transfer transfer = new Transfer(blob)) {
            transfer.run();
        }
    }

    /** One blob's download: the writer holds the bytes received so far. */
    private final class Transfer implements AutoCloseable {
        private final Descriptor blob;
        private final String action;
        private BlobWriter writer;

        Transfer(Descriptor blob) {
            this.blob = blob;
            this.action = "download blob " + blob.digest() + " of " + repository;
            this.writer = store.blobs().newWriter();
        }

        void run() {
            int failures = 0;
            while (true) {
                try {
                    receive();
                    break;
                } catch (IOException broken) {
                    failures++;
                    if (failures >= session.retry().maxAttempts()) {
                        throw new RegistryException(session.endpoint().toString(), action, 0,
                                "the transfer broke " + failures + " times, last after " + writer.size() + " of "
                                        + blob.size() + " bytes: " + Http.describe(broken),
                                "check the network and the registry", broken);
                    }
                    pause(failures);
                }
            }
            commit();
        }

        /** One GET, ranged when some bytes are already here. */
        private void receive() throws IOException {
            long have = writer.size();
            Http.Call call = Http.Call.of("GET", session.uri(repository, "blobs/" + blob.digest()), action);
            if (have > 0) {
                call = call.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = session.send(call, r -> r);
            try (InputStream body = response.body()) {
                switch (response.statusCode()) {
                    case 200 -> {
                        if (have > 0) {
                            restart(); // the registry ignores Range: take the whole blob again
                        }
                    }
                    case 206 -> {
                        if (rangeStart(response) != have) {
                            restart();
                            throw new IOException("the registry answered another range than asked for");
                        }
                    }
                    default -> throw session.error(action, response);
                }
                copy(body);
            }
        }

        /** Copies at most one byte more than expected, so an overlong body fails the size check without filling the disk. */
        private void copy(InputStream body) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) > 0) {
                writer.write(buffer, 0, n);
                if (writer.size() > blob.size()) {
                    return;
                }
            }
        }

        private void commit() {
            try {
                writer.commit(blob.digest(), blob.size());
            } catch (StoreException mismatch) {
                throw new RegistryException(session.endpoint().toString(), action, 0, mismatch.getMessage(),
                        "the registry or a proxy in between sent corrupt data; nothing was stored", mismatch);
            } catch (IOException e) {
                throw new StoreException("cannot store blob " + blob.digest() + ": " + e.getMessage(), e);
            }
        }

        private void restart() throws IOException {
            writer.close();
            writer = store.blobs().newWriter();
        }

        private void pause(int failures) {
            try {
                Http.pause(session.retry().delayAfter(failures));
            } catch (IOException interrupted) {
                throw session.unreachable(action, interrupted);
            }
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (IOException ignored) {
                // a temp file that cannot be deleted is removed by the next store open
            }
        }
    }

    private static long rangeStart(HttpResponse<?> response) {
        Matcher m = CONTENT_RANGE_START.matcher(response.headers().firstValue("Content-Range").orElse(""));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
