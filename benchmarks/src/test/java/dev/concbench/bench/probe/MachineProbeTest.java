package dev.concbench.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.results.CpuPinning;
import dev.concbench.results.Environment;
import dev.concbench.results.GitInfo;
import dev.concbench.results.MachineInfo;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.RunResult;
import dev.concbench.results.Suite;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineProbeTest {

    @TempDir
    Path root;

    @Test
    void readsCpuMemoryOsAndKernelFromProcAndEtc() throws IOException {
        write("proc/cpuinfo", """
                processor\t: 0
                vendor_id\t: AuthenticAMD
                model name\t: AMD EPYC   7B13 64-Core Processor
                processor\t: 1
                model name\t: AMD EPYC   7B13 64-Core Processor
                """);
        write("proc/meminfo", "MemTotal:       24684096 kB\nMemFree:        24024600 kB\n");
        write("etc/os-release", "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        write("proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");

        MachineInfo machine = probe(() -> "ignored").probe();

        assertThat(machine.cpuModel()).isEqualTo("AMD EPYC 7B13 64-Core Processor");
        assertThat(machine.cores()).isEqualTo(2);
        assertThat(machine.memoryBytes()).isEqualTo(24_684_096L * 1024);
        assertThat(machine.os()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(machine.kernel()).isEqualTo("6.1.0-18-amd64");
        assertThat(machine.arch()).isEqualTo("amd64");
        assertThat(machine.id()).matches("[0-9a-f]{12}")
                .isEqualTo(MachineInfo.fingerprintId("AMD EPYC 7B13 64-Core Processor", 2, 24_684_096L * 1024, "amd64"));
    }

    @Test
    void fallsBackWhereNothingIsReadable() {
        MachineInfo machine = probe(() -> "6.9.0-uname").probe();

        assertThat(machine.cpuModel()).isEqualTo("unknown amd64 CPU");
        assertThat(machine.memoryBytes()).isZero();
        assertThat(machine.os()).isEqualTo("Linux");
        assertThat(machine.kernel()).isEqualTo("6.9.0-uname");
        assertThat(probe(() -> null).probe().kernel()).isEqualTo("6.1.0-os-version");
    }

    @Test
    void detectsThisMachineWithoutExposingTheHostName() throws IOException {
        MachineInfo machine = MachineProbe.detect();

        assertThat(machine.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(machine.id()).matches("[0-9a-f]{12}");
        String host = InetAddress.getLocalHost().getHostName();
        Environment environment = new Environment(new GitInfo("0123456789abcdef0123", false), JvmProbe.current(),
                JvmProbe.current(), "1.37", CpuPinning.NONE);
        assertThat(ResultFiles.toJson(new RunResult(RunResult.SCHEMA_VERSION, false, "test", Suite.SMOKE, Instant.EPOCH,
                Instant.EPOCH, machine, null, environment, null, null, java.util.Map.of(), List.of(), null, List.of())))
                .doesNotContain("\"" + host + "\"");
    }

    @Test
    void describesThisJvm() {
        assertThat(JvmProbe.current().version()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(JvmProbe.current().flags())
                .isEqualTo(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private MachineProbe probe(Supplier<String> uname) {
        return new MachineProbe(MachineProbe.filesUnder(root), 2, "Linux", "6.1.0-os-version", "amd64", uname);
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
