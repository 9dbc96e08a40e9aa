package dev.kubelint.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void computesOnFirstUseOnly() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<Object> lazy = Lazy.of(() -> {
            calls.incrementAndGet();
            return new Object();
        });
        assertEquals(0, calls.get());
        Object first = lazy.get();
        assertSame(first, lazy.get());
        assertEquals(1, calls.get());
    }

    @Test
    void aComputationThatThrowsIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
            }
            return "ready";
        });
        assertThrows(IllegalStateException.class, lazy::get);
        assertEquals("ready", lazy.get());
        assertEquals(2, calls.get());
    }

    @Test
    void aNullValueIsRefused() {
        assertThrows(NullPointerException.class, Lazy.of(() -> null)::get);
    }

    @Test
    void threadsAskingTogetherGetTheOneValue() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Lazy<Object> lazy = Lazy.of(() -> {
            calls.incrementAndGet();
            return new Object();
        });
        List<Thread> threads = new ArrayList<>();
        Object[] seen = new Object[8];
        for (int i = 0; i < seen.length; i++) {
            int slot = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen[slot] = lazy.get();
            });
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, calls.get());
        for (Object o : seen) {
            assertSame(seen[0], o);
        }
    }
}
