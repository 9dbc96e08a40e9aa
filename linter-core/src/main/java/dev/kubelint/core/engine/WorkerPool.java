package dev.kubelint.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a batch of tasks (one file each, as a scan schedules them) on worker threads and returns their results in
 * the order of the tasks, whatever order they finish in. The workers have large stacks, so that deep but legal
 * documents never overflow them; with one job, or one task, the tasks run one after the other on a single worker.
 *
 * <p>A task that throws ends the batch: the exception of the first failing task (in task order) is rethrown as it
 * is when unchecked, wrapped in an {@link IllegalStateException} otherwise, and the other workers are interrupted.
 * Tasks that must not end a scan (the checking of a file) isolate their own failures. An interrupt of the thread
 * that waits for the batch interrupts the workers too and ends the batch with an {@link IllegalStateException},
 * the thread's interrupt flag set again.
 */
public final class WorkerPool {

    /** Stack size of worker threads: generous, so that deep but legal documents never overflow it. */
    static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

    private final int jobs;

    /** @param jobs the most tasks run at once, at least 1 */
    public WorkerPool(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        this.jobs = jobs;
    }

    /** Runs every task and returns their results in the order of the tasks. */
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) {
        if (jobs == 1 || tasks.size() <= 1) {
            return runOnWorker(() -> {
                List<T> results = new ArrayList<>(tasks.size());
                for (Callable<T> task : tasks) {
                    results.add(task.call());
                }
                return results;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, tasks.size()), workerThreads());
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> f : futures) {
                results.add(await(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T runOnWorker(Callable<T> task) {
        ExecutorService single = Executors.newSingleThreadExecutor(workerThreads());
        try {
            return await(single.submit(task));
        } finally {
            single.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(null, task, "kubelint-worker-" + n.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
