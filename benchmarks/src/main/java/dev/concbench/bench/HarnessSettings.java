package dev.concbench.bench;

import dev.concbench.bench.server.CpuList;
import dev.concbench.bench.server.ServerLaunch;
import dev.concbench.bench.server.ServerLauncher;
import dev.concbench.bench.server.SshLauncher;
import dev.concbench.bench.server.SshTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How the harness runs a trial, beyond JMH's own options: where the server runs (in-process, in
 * its own process here, or on the server host over SSH), on which CPUs, with which JVM flags, and
 * where the trial's record goes. The suite runner hands these to the
 * forked benchmark JVMs as {@code -Dbench.*} system properties ({@link #asSystemProperties()});
 * run alone, the benchmarks jar reads the same properties, e.g.
 * {@code java -jar benchmarks.jar Hello -jvmArgsAppend -Dbench.inProcess=true}.
 *
 * @param trialDirectory   where to write the trial record, or {@code null} to write none
 * @param inProcess        run the server inside the benchmark JVM (for profiling) instead of its own process
 * @param serverCpus       CPUs to confine the server process to, or {@code null}
 * @param clientCpus       CPUs to confine the benchmark JVM (the load client) to, or {@code null}
 * @param serverJvmFlags   the server JVM's flags
 * @param clientEventLoops the load client's event-loop threads; 0 for one per CPU the client may use
 * @param windowLeadIn     load applied on each window's connections before the window is counted
 *                         (see {@code Timing.leadIn}); zero for none
 * @param baselineClassPath the class path of the baseline build's servers for an A/B trial (side A
 *                         beside this JVM's own servers, side B), or {@code null} for a plain trial
 * @param serverHost       the server host the servers run on, over SSH, or {@code null} for this machine
 */
public record HarnessSettings(Path trialDirectory, boolean inProcess, CpuList serverCpus, CpuList clientCpus,
                              List<String> serverJvmFlags, int clientEventLoops, Duration windowLeadIn,
                              String baselineClassPath, SshTarget serverHost) {

    public static final String TRIAL_DIRECTORY = "bench.trialDir";
    public static final String IN_PROCESS = "bench.inProcess";
    public static final String SERVER_CPUS = "bench.serverCpus";
    public static final String CLIENT_CPUS = "bench.clientCpus";
    public static final String SERVER_JVM_FLAGS = "bench.serverJvmFlags";
    public static final String CLIENT_EVENT_LOOPS = "bench.clientEventLoops";
    public static final String WINDOW_LEAD_IN_MS = "bench.windowLeadInMs";
    public static final String BASELINE_CLASS_PATH = "bench.baselineClassPath";
    public static final String SERVER_HOST = "bench.serverHost";
    public static final String SSH_OPTIONS = "bench.sshOptions";
    public static final String SERVER_JAVA = "bench.serverJava";
    public static final String SERVER_DIR = "bench.serverDir";
    public static final String SERVER_ADDRESS = "bench.serverAddress";

    /**
     * The server JVM's flags: a fixed heap (no resizing while measured), the parallel collector,
     * and native access for the models built on the Foreign Function & Memory API.
     */
    public static final List<String> DEFAULT_SERVER_JVM_FLAGS =
            List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED");

    public HarnessSettings {
        serverJvmFlags = List.copyOf(serverJvmFlags);
        if (clientEventLoops < 0) {
            throw new IllegalArgumentException("clientEventLoops must be positive, or 0 for automatic, was "
                    + clientEventLoops);
        }
        Objects.requireNonNull(windowLeadIn, "windowLeadIn");
        if (windowLeadIn.isNegative()) {
            throw new IllegalArgumentException("windowLeadIn must not be negative, was " + windowLeadIn);
        }
        if (baselineClassPath != null && baselineClassPath.isBlank()) {
            baselineClassPath = null;
        }
        if (baselineClassPath != null && inProcess) {
            throw new IllegalArgumentException("an A/B trial runs both servers in their own processes: "
                    + "it cannot run in-process");
        }
        if (serverHost != null && inProcess) {
            throw new IllegalArgumentException("a server on a server host (" + serverHost + ") cannot run in-process");
        }
    }

    /** No trial record, the server in its own process, unpinned, default flags, automatic event loops, no lead-in. */
    public static HarnessSettings defaults() {
        return new HarnessSettings(null, false, null, null, DEFAULT_SERVER_JVM_FLAGS, 0, Duration.ZERO, null, null);
    }

    /** The settings given as {@code bench.*} properties, the defaults for those not given. */
    public static HarnessSettings from(Properties properties) {
        HarnessSettings defaults = defaults();
        String trialDirectory = properties.getProperty(TRIAL_DIRECTORY);
        String flags = properties.getProperty(SERVER_JVM_FLAGS);
        String loops = properties.getProperty(CLIENT_EVENT_LOOPS);
        String leadIn = properties.getProperty(WINDOW_LEAD_IN_MS);
        String host = properties.getProperty(SERVER_HOST);
        int eventLoops;
        long leadInMs;
        try {
            eventLoops = loops == null ? defaults.clientEventLoops() : Integer.parseInt(loops.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CLIENT_EVENT_LOOPS + " must be a whole number, not '" + loops + "'");
        }
        try {
            leadInMs = leadIn == null ? defaults.windowLeadIn().toMillis() : Long.parseLong(leadIn.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(WINDOW_LEAD_IN_MS + " must be a whole number of ms, not '" + leadIn + "'");
        }
        return new HarnessSettings(
                trialDirectory == null || trialDirectory.isBlank() ? null : Path.of(trialDirectory),
                Boolean.parseBoolean(properties.getProperty(IN_PROCESS, Boolean.toString(defaults.inProcess()))),
                CpuList.parseOrNull(properties.getProperty(SERVER_CPUS)),
                CpuList.parseOrNull(properties.getProperty(CLIENT_CPUS)),
                flags == null ? defaults.serverJvmFlags() : words(flags),
                eventLoops, Duration.ofMillis(leadInMs), properties.getProperty(BASELINE_CLASS_PATH),
                host == null || host.isBlank() ? null : new SshTarget(host.strip(),
                        words(properties.getProperty(SSH_OPTIONS, "")), properties.getProperty(SERVER_JAVA),
                        properties.getProperty(SERVER_DIR), properties.getProperty(SERVER_ADDRESS)));
    }

    /** A property's value split at white space, e.g. JVM flags or ssh options. */
    public static List<String> words(String value) {
        return Arrays.stream(value.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    public HarnessSettings withTrialDirectory(Path directory) {
        return new HarnessSettings(directory, inProcess, serverCpus, clientCpus, serverJvmFlags, clientEventLoops,
                windowLeadIn, baselineClassPath, serverHost);
    }

    public HarnessSettings withWindowLeadIn(Duration leadIn) {
        return new HarnessSettings(trialDirectory, inProcess, serverCpus, clientCpus, serverJvmFlags, clientEventLoops,
                leadIn, baselineClassPath, serverHost);
    }

    /** These settings for an A/B trial against the baseline build's servers on this class path. */
    public HarnessSettings withBaselineClassPath(String classPath) {
        return new HarnessSettings(trialDirectory, inProcess, serverCpus, clientCpus, serverJvmFlags, clientEventLoops,
                windowLeadIn, classPath, serverHost);
    }

    /** The load client's event loops: as set, or one per CPU this JVM may use now. */
    public int eventLoopsHere() {
        return clientEventLoops > 0 ? clientEventLoops : Runtime.getRuntime().availableProcessors();
    }

    /** Whether a trial runs A/B: the baseline build's server beside this build's, windows alternating. */
    public boolean comparesBuilds() {
        return baselineClassPath != null;
    }

    /** These settings as {@code name -> value} system properties, for a forked JVM; unset ones left out. */
    public Map<String, String> asSystemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (trialDirectory != null) {
            properties.put(TRIAL_DIRECTORY, trialDirectory.toAbsolutePath().toString());
        }
        properties.put(IN_PROCESS, Boolean.toString(inProcess));
        if (serverCpus != null) {
            properties.put(SERVER_CPUS, serverCpus.text());
        }
        if (clientCpus != null) {
            properties.put(CLIENT_CPUS, clientCpus.text());
        }
        properties.put(SERVER_JVM_FLAGS, String.join(" ", serverJvmFlags));
        properties.put(CLIENT_EVENT_LOOPS, Integer.toString(clientEventLoops));
        properties.put(WINDOW_LEAD_IN_MS, Long.toString(windowLeadIn.toMillis()));
        if (baselineClassPath != null) {
            properties.put(BASELINE_CLASS_PATH, baselineClassPath);
        }
        if (serverHost != null) {
            properties.put(SERVER_HOST, serverHost.destination());
            properties.put(SSH_OPTIONS, String.join(" ", serverHost.options()));
            properties.put(SERVER_JAVA, serverHost.java());
            properties.put(SERVER_DIR, serverHost.directory());
            if (serverHost.address() != null) {
                properties.put(SERVER_ADDRESS, serverHost.address());
            }
        }
        return properties;
    }

    /** {@link #asSystemProperties()} as {@code -Dname=value} JVM arguments. */
    public List<String> asJvmArguments() {
        return asSystemProperties().entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * How the trial's servers are started in their own processes: here, with this JVM's class path,
     * or on the server host over SSH; flags and CPUs as these settings say.
     */
    public ServerLauncher serverLauncher() {
        ServerLaunch here = ServerLaunch.sameJvm(serverJvmFlags).withCpus(serverCpus);
        return serverHost == null ? here : new SshLauncher(serverHost, here);
    }

    /** The flags of the JVM the server runs in: its own, or the benchmark JVM's when in-process. */
    public List<String> effectiveServerJvmFlags(List<String> benchmarkJvmFlags) {
        return inProcess ? List.copyOf(benchmarkJvmFlags) : serverJvmFlags;
    }
}
