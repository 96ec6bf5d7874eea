package dev.concbench.bench.resources;

import static dev.concbench.servers.Closeables.closeQuietly;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code /proc} of another host, read by a small POSIX shell loop ({@link #SCRIPT}) that runs
 * there, in a session of its own (the caller starts it, e.g. with {@code ssh HOST sh -c SCRIPT}),
 * and answers one request at a time on its standard input and output. The loop reads with the
 * shell's built-ins only, so a sample starts no process on the server host; what it reads is what
 * {@link ProcFs} reads here, parsed by the same code.
 *
 * <p>The protocol, one line per request, every answer ended by a line {@code .}; a process that is
 * gone answers nothing before the {@code .}:
 * <pre>
 * sample PID    →  Threads: N / VmRSS: N kB (its status lines) and fd N
 * cpu PID       →  stat LINE (its stat) and task TID NANOS COMM for every thread
 * children PID  →  children PID... (every descendant)
 * </pre>
 * The loop ends at the end of its input: closing this reader, or the death of this JVM, ends it.
 *
 * <p>Thread-safe: requests are answered one at a time.
 */
public final class RemoteProcFs implements ProcSource, AutoCloseable {

    /**
     * The reader, for {@code sh -c}: it prints {@code ready HZ} (the host's clock ticks per second),
     * then answers requests until its input ends. No single quote in it, so that it can be quoted
     * for a remote shell by enclosing it in single quotes.
     */
    public static final String SCRIPT = """
            exec 2>/dev/null
            echo "ready $(getconf CLK_TCK || echo 100)"
            while read -r op pid; do
              d=/proc/$pid
              case $op in
              sample)
                if [ -r "$d/status" ]; then
                  while read -r key value unit; do
                    case $key in Threads:|VmRSS:) echo "$key $value $unit" ;; esac
                  done < "$d/status"
                  set -- "$d"/fd/*
                  if [ -e "$1" ]; then echo "fd $#"; else echo "fd 0"; fi
                fi ;;
              cpu)
                if read -r stat < "$d/stat"; then
                  echo "stat $stat"
                  for t in "$d"/task/*; do
                    ns=; comm=
                    read -r ns rest < "$t/schedstat" && read -r comm < "$t/comm" && echo "task ${t##*/} $ns $comm"
                  done
                fi ;;
              children)
                all=; next=$pid
                while :; do
                  now=$next; next=
                  for p in $now; do
                    for c in /proc/$p/task/*/children; do
                      kids=; read -r kids < "$c"; next="$next $kids"
                    done
                  done
                  set -- $next
                  [ $# -eq 0 ] && break
                  all="$all $*"
                done
                echo "children $all" ;;
              esac
              echo .
            done
            """;

    private static final String END = ".";

    private final Process process;
    private final OutputStream requests;
    private final BufferedReader answers;
    private final long clockTicksPerSecond;

    private RemoteProcFs(Process process, long clockTicksPerSecond) {
        this.process = process;
        this.requests = process.getOutputStream();
        this.answers = process.inputReader(StandardCharsets.UTF_8);
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /**
     * Takes over a started process that runs {@link #SCRIPT} on the server host, once it is ready.
     *
     * @param reader  the process, e.g. {@code ssh HOST "sh -c '<SCRIPT>'"}; closed with this reader
     * @param timeout how long it may take to say it is ready
     * @throws IOException when it ends or says nothing within the timeout, with what it printed; it
     *                     is stopped then
     */
    public static RemoteProcFs over(Process reader, Duration timeout) throws IOException {
        BufferedReader output = reader.inputReader(StandardCharsets.UTF_8);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> Thread.ofPlatform().daemon().name("remote-proc-start").start(runnable));
        String ready;
        try {
            ready = first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            ready = null;
        } catch (InterruptedException e) {
            reader.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the server host's /proc reader", e);
        }
        if (ready == null || !ready.matches("ready \\d+")) {
            String errors = "";
            try {
                if (reader.waitFor(1, TimeUnit.SECONDS)) { // it ended: its error output is all there
                    errors = new String(reader.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                reader.destroyForcibly();
            }
            throw new IOException("the server host's /proc reader did not start"
                    + (errors.isEmpty() ? "" : ": " + errors.lines().reduce((a, b) -> b).orElse(errors)));
        }
        return new RemoteProcFs(reader, Long.parseLong(ready.substring("ready ".length())));
    }

    /** The host has a {@code /proc}: the reader would not have started otherwise. */
    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<ProcFs.Sample> sample(long pid) {
        List<String> lines = ask("sample", pid);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        int descriptors = lines.stream().filter(line -> line.startsWith("fd ")).findFirst()
                .map(line -> Integer.parseInt(line.substring(3).strip())).orElse(0);
        return Optional.of(ProcFs.statusSample(lines, descriptors));
    }

    @Override
    public Optional<CpuReading> cpuReading(long pid) {
        List<String> lines = ask("cpu", pid);
        if (lines.isEmpty() || !lines.getFirst().startsWith("stat ")) {
            return Optional.empty();
        }
        double ticks = ProcFs.cpuSeconds(lines.getFirst().substring("stat ".length()), clockTicksPerSecond);
        Map<Long, Long> threadNanos = new HashMap<>();
        Set<Long> jit = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] task = line.split(" ", 4); // task TID NANOS COMM
            long tid = Long.parseLong(task[1]);
            threadNanos.put(tid, Long.parseLong(task[2]));
            if (task.length == 4 && ProcFs.isJitThread(task[3])) {
                jit.add(tid);
            }
        }
        return Optional.of(new CpuReading(ticks, 1.0 / clockTicksPerSecond, threadNanos, jit));
    }

    @Override
    public List<Long> descendants(long pid) {
        List<String> lines = ask("children", pid);
        if (lines.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(lines.getFirst().substring("children".length()).strip().split("\\s+"))
                .filter(word -> !word.isEmpty()).map(Long::valueOf).toList();
    }

    /** Ends the reader's input, so that it ends; then makes sure it has. */
    @Override
    public void close() {
        closeQuietly(requests);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(answers);
        }
    }

    /**
     * One request and its answer's lines.
     *
     * @throws UncheckedIOException when the reader is gone (its session ended)
     */
    private synchronized List<String> ask(String request, long pid) {
        try {
            requests.write((request + " " + pid + "\n").getBytes(StandardCharsets.US_ASCII));
            requests.flush();
            List<String> lines = new ArrayList<>();
            for (String line = answers.readLine(); !END.equals(line); line = answers.readLine()) {
                if (line == null) {
                    throw new IOException("the server host's /proc reader ended");
                }
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
