package dev.kiln.registry;

import dev.kiln.KilnException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/** Runs one blob transfer per virtual thread, at most {@code limit} at a time; the first failure cancels the rest. */
final class Transfers {
    private final Semaphore permits;

    Transfers(int limit) {
        this.permits = new Semaphore(Math.max(1, limit));
    }

    <T> void forEach(List<T> items, Consumer<T> transfer) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (T item : items) {
                running.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        transfer.accept(item);
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            awaitAll(running, threads);
        }
    }

    private static void awaitAll(List<Future<?>> running, ExecutorService threads) {
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                threads.shutdownNow();
                throw rethrowable(e.getCause());
            } catch (InterruptedException e) {
                threads.shutdownNow();
                Thread.currentThread().interrupt();
                throw new KilnException("interrupted while transferring blobs", e);
            }
        }
    }

    private static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new KilnException("blob transfer failed: " + cause, cause);
    }
}
