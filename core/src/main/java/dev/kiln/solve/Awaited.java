package dev.kiln.solve;

import dev.kiln.KilnException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waiting for what another thread of the build makes (a stage, an identical step). Its failure is
 * rethrown as it is, so whichever thread reports first, the build fails with the error that caused it.
 */
final class Awaited {
    private Awaited() {}

    /** @throws KilnException if the wait was interrupted: the build failed elsewhere or was stopped */
    static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException("the build was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new KilnException("a step this one needs failed: " + e.getCause(), e.getCause());
        }
    }
}
