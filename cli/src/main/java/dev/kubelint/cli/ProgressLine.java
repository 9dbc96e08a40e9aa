package dev.kubelint.cli;

import dev.kubelint.core.engine.ProgressListener;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * One line on stderr that says how a long scan is going: files done of total, objects and findings so far.
 * It appears only once the scan has run for a moment (short scans never flicker), is redrawn at most a few
 * times a second, and is erased when the scan ends so that the report starts on a clean line. The engine calls
 * it from its worker threads.
 */
final class ProgressLine implements ProgressListener, AutoCloseable {

    /** Nothing is drawn before the scan has run this long. */
    static final long DELAY_NANOS = 300_000_000L;
    /** At most one redraw per this interval. */
    static final long INTERVAL_NANOS = 100_000_000L;

    private static final String ERASE = "\r\u001b[K";

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long started;
    private long lastDrawn;
    private boolean visible;
    private boolean closed;

    ProgressLine(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.clock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    @Override
    public void progress(int filesDone, int filesTotal, long objects, long findings) {
        long now = clock.getAsLong();
        if (now - started < DELAY_NANOS || filesDone >= filesTotal) {
            return;
        }
        synchronized (this) {
            if (closed || (visible && now - lastDrawn < INTERVAL_NANOS)) {
                return;
            }
            err.print(ERASE + text(filesDone, filesTotal, objects, findings));
            err.flush();
            lastDrawn = now;
            visible = true;
        }
    }

    static String text(int filesDone, int filesTotal, long objects, long findings) {
        int percent = filesTotal == 0 ? 100 : (int) (100L * filesDone / filesTotal);
        return "kubelint: " + filesDone + "/" + filesTotal + " files (" + percent + "%), " + objects + " object"
                + (objects == 1 ? "" : "s") + ", " + findings + " finding" + (findings == 1 ? "" : "s") + " so far";
    }

    /** Erases the line, if one was drawn; later calls from straggling workers draw nothing. */
    @Override
    public synchronized void close() {
        if (visible) {
            err.print(ERASE);
            err.flush();
        }
        visible = false;
        closed = true;
    }
}
