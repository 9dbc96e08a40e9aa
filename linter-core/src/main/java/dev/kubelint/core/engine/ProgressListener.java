package dev.kubelint.core.engine;

/** Told about progress while a scan runs (for a terminal progress line). Called from worker threads. */
public interface ProgressListener {

    ProgressListener NONE = (filesDone, filesTotal, objects, findings) -> {};

    void progress(int filesDone, int filesTotal, long objects, long findings);
}
