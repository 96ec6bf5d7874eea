package dev.concbench.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A fixed, realistic run covering every field, nullable ones both set and null. */
final class SampleRuns {

    private SampleRuns() {
    }

    static RunResult sample() {
        var machine = new MachineInfo("3f9a1c0b2d4e", "AMD EPYC 7B13", 2, 25_276_514_304L, "amd64",
                "Debian GNU/Linux 12 (bookworm)", "6.1.0-18-amd64");
        var serverMachine = new MachineInfo("77c0de5a1b2f", "Intel(R) Xeon(R) E-2388G CPU @ 3.20GHz", 16,
                68_719_476_736L, "amd64", "Ubuntu 24.04.1 LTS", "6.8.0-45-generic");
        var jvm = new JvmInfo("25+36-LTS", "Eclipse Adoptium", List.of("-Xmx2g", "-XX:+UseParallelGC"));
        var serverJvm = new JvmInfo("25+36-LTS", "Eclipse Adoptium", List.of("-Xmx1g"));
        var environment = new Environment(new GitInfo("0123456789abcdef0123456789abcdef01234567", true), jvm,
                serverJvm, "1.37", new CpuPinning("0", "1"));
        var closed = new BenchmarkResult("dev.concbench.benchmarks.HelloBenchmark.closedLoop", "virtual", "B",
                "a thread per connection", false, "hello",
                Map.of("connections", "64"), LoadModel.CLOSED, 20.0,
                Throughput.of(48_210.5, 1_130.25, List.of(List.of(47_900.0, 48_650.5), List.of(48_100.0, 48_191.5))),
                new Latency(new Percentiles(964_210, 0.21, 1.18, 1.52, 2.05, 4.75, 11.3, 19.8, 42.1), null,
                        "HISTFAAAAER4nJNpmSzMwMBwigECmKE0I5DpZrBjAYP9B4jAwXWMTN5AaMqkzKSKgTFFSFOBKaLIJMjED8SCSDSmCGEZTBUA/hMSQA==", null),
                964_210, new ErrorCounts(0, 1, 0, 2, 0, 0, 3),
                new Fairness(64, 14_801, 15_066.5, 15_390, 0, 42.1, 0),
                new ClientUsage("epoll", 2, 11.25, 14.5),
                new ServerResources(31, 83, 212_860_928L, 17.84, 0, 0),
                Map.of("scheduler", "ForkJoinPool", "carriers", "2"),
                List.of(new MeasuredWindow(0, 10.0, 481_000, 0, 2.1, 8.9), new MeasuredWindow(1, 10.0, 483_210, 6, 2.0, 8.94)),
                Map.of(), true, List.of(), false, null);
        var open = new BenchmarkResult("dev.concbench.benchmarks.SleepBenchmark.openLoop", "pool", null,
                "a thread per connection", false, "sleep",
                Map.of("connections", "256", "ms", "1000", "rate", "400"), LoadModel.OPEN, 20.0,
                new Throughput(15.9, null, Throughput.UNIT, null, null, List.of(List.of(15.9))),
                new Latency(new Percentiles(318, 1000.2, 1001.0, 1002.5, 1004.0, 1010.0, 1012.0, 1012.0, 1012.0),
                        new Percentiles(318, 1000.5, 9_870.0, 14_900.0, 17_950.0, 19_800.0, 19_980.0, 19_998.0,
                                20_001.0), null, null),
                318, new ErrorCounts(0, 0, 0, 7_682, 0, 0, 0),
                new Fairness(256, 0, 1.0, 2, 240, 20_001.0, 3),
                new ClientUsage("nio", 1, 0.5, 1.25),
                null, Map.of(), List.of(), Map.of("slowResponses", 12.0), false,
                List.of("errors above 0.1% (7682 of 8000 requests)", "open loop fell behind its rate (16 of 400 req/s)"),
                false, "the server could not take the load: 7,682 of 8,000 requests timed out");
        var lowLatency = new Percentiles(1_600, 0.05, 0.1, 0.12, 0.15, 0.4, 0.9, 1.1, 1.2);
        var step1 = new SweepStep(0, 1_000, 999.5, 1.0, 1_000, ErrorCounts.NONE, lowLatency, lowLatency, 0.12, 0.21,
                StepVerdict.PASS, null);
        var overloaded = new Percentiles(2_300, 0.06, 3.2, 9.1, 14.0, 48.5, 61.0, 62.0, 62.5);
        var step2 = new SweepStep(1, 4_000, 2_300.0, 1.0, 2_300, new ErrorCounts(0, 0, 0, 12, 0, 0, 0), overloaded,
                lowLatency, 0.31, 0.98, StepVerdict.SERVER_FAILED,
                "p99 48.5 ms > 10.0 ms; answered 2,300/s, 58 % of the 4,000/s offered");
        var step3 = new SweepStep(2, 2_000, 1_999.0, 1.0, 1_999, ErrorCounts.NONE, lowLatency, lowLatency, 0.2, 0.5,
                StepVerdict.PASS, null);
        var sweep = new RateSweep("pool", null, "a thread per connection", false, "hello", Map.of("connections", "64"),
                SweepMode.SEARCH, Objective.DEFAULT, 0.05, List.of(step1, step2, step3),
                new Capacity(2_000.0, 4_000.0, CapacityOutcome.INCONCLUSIVE,
                        "met at 2,000/s, missed at 4,000/s: p99 48.5 ms > 10.0 ms (the bracket is wider than the resolution)"),
                new ServerResources(210, 80, 120_000_000L, 1.69, 0, 0), Map.of("workers", "200"));
        return new RunResult(RunResult.SCHEMA_VERSION, false, "interrupted by SIGINT after 2 of 3 benchmarks",
                Suite.QUICK, Instant.parse("2025-03-01T10:15:30Z"), Instant.parse("2025-03-01T10:22:05.250Z"),
                machine, serverMachine, environment, new AbBaseline("HEAD~1", "fedcba9876543210fedcba9876543210fedcba98", false, false),
                new ClientCeiling(182_400.0, "netty", "hello", 64), Map.of("netty-iouring", "io_uring refused: kernel 4.19"),
                List.of(closed, open),
                "20250301T101530Z-0123456789ab.jmh.json", List.of(sweep));
    }
}
