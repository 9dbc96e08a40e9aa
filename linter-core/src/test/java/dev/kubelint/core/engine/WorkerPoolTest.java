package dev.kubelint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WorkerPoolTest {

    /** Task i sleeps longer the earlier it comes, so that later tasks finish first. */
    private static List<Callable<Integer>> slowFirst(int n) {
        return IntStream.range(0, n)
                .<Callable<Integer>>mapToObj(i -> () -> {
                    Thread.sleep((n - i) * 5L);
                    return i * i;
                })
                .toList();
    }

    @Test
    void resultsComeInTheOrderOfTheTasksWhateverOrderTheyFinishIn() {
        List<Integer> squares = IntStream.range(0, 12).map(i -> i * i).boxed().toList();
        assertEquals(squares, new WorkerPool(4).runAll(slowFirst(12)));
        assertEquals(squares, new WorkerPool(1).runAll(slowFirst(12)));
        assertEquals(List.of(), new WorkerPool(3).runAll(List.of()));
    }

    @Test
    void tasksRunOnWorkerThreadsAtMostJobsAtOnce() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                threads.add(Thread.currentThread().getName());
                Thread.sleep(5);
                return Thread.currentThread().getName();
            });
        }
        new WorkerPool(3).runAll(tasks);
        assertTrue(threads.size() <= 3 && !threads.isEmpty(), threads.toString());
        assertTrue(threads.stream().allMatch(t -> t.startsWith("kubelint-worker-")), threads.toString());

        List<String> one = new WorkerPool(1).runAll(tasks);
        assertEquals(1, Set.copyOf(one).size(), "one job: one worker runs the tasks one after the other");
        assertFalse(one.get(0).equals(Thread.currentThread().getName()), "not on the calling thread");
    }

    @Test
    void theFirstFailingTaskEndsTheBatchWithItsOwnException() {
        IllegalStateException boom = new IllegalStateException("boom");
        // the first in task order, not in time: the later task fails at once, while this one is still sleeping
        List<Callable<Integer>> tasks = List.of(
                () -> 1,
                () -> {
                    Thread.sleep(50);
                    throw boom;
                },
                () -> {
                    throw new IllegalArgumentException("later");
                });
        assertSame(boom, assertThrows(IllegalStateException.class, () -> new WorkerPool(2).runAll(tasks)));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> new WorkerPool(1).runAll(tasks)));

        StackOverflowError error = new StackOverflowError();
        assertSame(
                error,
                assertThrows(
                        StackOverflowError.class,
                        () -> new WorkerPool(2).runAll(List.<Callable<Integer>>of(() -> 1, () -> {
                            throw error;
                        }))));

        IllegalStateException checked = assertThrows(
                IllegalStateException.class,
                () -> new WorkerPool(2).runAll(List.<Callable<Integer>>of(() -> 1, () -> {
                    throw new IOException("disk");
                })));
        assertInstanceOf(IOException.class, checked.getCause());
    }

    @Test
    void aFailureInterruptsTheTasksStillRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<Callable<Integer>> tasks = List.of(
                () -> {
                    started.await();
                    throw new IllegalStateException("boom");
                },
                blocksUntilInterrupted(started, interrupted));
        assertThrows(IllegalStateException.class, () -> new WorkerPool(2).runAll(tasks));
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the blocked task is interrupted");
    }

    @Test
    void anInterruptOfTheWaitingThreadEndsTheBatchAndInterruptsTheWorkers() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch interrupted = new CountDownLatch(2);
        Callable<Integer> blocked = blocksUntilInterrupted(running, interrupted);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagSet = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                new WorkerPool(2).runAll(List.of(blocked, blocked));
            } catch (RuntimeException e) {
                thrown.set(e);
                flagSet.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive());
        assertInstanceOf(IllegalStateException.class, thrown.get());
        assertInstanceOf(InterruptedException.class, thrown.get().getCause());
        assertTrue(flagSet.get(), "the interrupt flag is set again");
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "both workers are interrupted");
    }

    @Test
    void needsAtLeastOneJob() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
    }

    /** A task that counts {@code running} down, then waits until it is interrupted and counts {@code interrupted}. */
    private static Callable<Integer> blocksUntilInterrupted(CountDownLatch running, CountDownLatch interrupted) {
        return () -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return 0;
        };
    }
}
