package dev.concbench.bench.server;

import dev.concbench.bench.resources.ProcSource;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/** This machine as a {@link ServerHost}: the server is the child process itself. Stateless. */
final class LocalHost implements ServerHost {

    static final LocalHost INSTANCE = new LocalHost();

    private LocalHost() {
    }

    @Override
    public Process spawn(List<String> serverCommand) throws IOException {
        return new ProcessBuilder(serverCommand).start();
    }

    @Override
    public OptionalLong pid(Process spawned) {
        return OptionalLong.of(spawned.pid());
    }

    @Override
    public ProcSource proc() {
        return ProcSource.local();
    }

    @Override
    public void signal(List<Long> pids, boolean forcibly) {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(forcibly ? ProcessHandle::destroyForcibly
                : ProcessHandle::destroy));
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "this machine";
    }
}
