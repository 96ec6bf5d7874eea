package dev.concbench.servers.workerjvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a temporary name beside its target ({@code worker-x7<random>.aot.tmp} for
 * {@code worker-x7.aot}), then moved into place atomically: a reader, in this JVM or another, sees
 * the old file or the whole new one, never a part. Closing deletes the temporary file if it was not committed, so a
 * failed write leaves nothing; one left by a killed JVM is deleted by {@link AotCacheStore#prune}.
 *
 * <p>The results module has its own helper for result files ({@code AtomicFiles}); the servers
 * module depends on neither results nor benchmarks, so the worker JVMs' files use this one.
 */
final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;

    private AtomicFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Creates the (empty) temporary file for {@code target}. */
    static AtomicFile begin(Path target) throws IOException {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String prefix = dot < 0 ? name : name.substring(0, dot);
        String suffix = (dot < 0 ? "" : name.substring(dot)) + ".tmp";
        return new AtomicFile(target, Files.createTempFile(target.getParent(), prefix, suffix));
    }

    /** Writes {@code text} to {@code target} atomically. */
    static void write(Path target, String text) throws IOException {
        try (AtomicFile file = begin(target)) {
            Files.writeString(file.temporary(), text);
            file.commit();
        }
    }

    /** Where to write the content. */
    Path temporary() {
        return temporary;
    }

    /** Moves the temporary file onto the target, replacing it. */
    void commit() throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(temporary);
    }
}
