package dev.concbench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MachineInfoTest {

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
    void idIgnoresHostKernelAndSmallMemoryDifferencesButNotHardware() {
        String id = MachineInfo.fingerprintId("AMD EPYC 7B13", 2, 24_684_096L * 1024, "amd64");
        assertThat(MachineInfo.fingerprintId("AMD EPYC 7B13", 2, 24_690_000L * 1024, "amd64")).isEqualTo(id);
        assertThat(MachineInfo.fingerprintId("AMD EPYC 7B13", 4, 24_684_096L * 1024, "amd64")).isNotEqualTo(id);
        assertThat(MachineInfo.fingerprintId("Intel Xeon", 2, 24_684_096L * 1024, "amd64")).isNotEqualTo(id);
    }

    @Test
    void detectsThisMachineWithoutExposingTheHostName() throws IOException {
        MachineInfo machine = MachineInfo.detect();

        assertThat(machine.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(machine.id()).matches("[0-9a-f]{12}");
        String host = java.net.InetAddress.getLocalHost().getHostName();
        assertThat(ResultFiles.toJson(new RunResult(RunResult.SCHEMA_VERSION, false, "test", Suite.SMOKE, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, machine, SampleRuns.sample().environment(), null, null, java.util.Map.of(), java.util.List.of(), null)))
                .doesNotContain("\"" + host + "\"");
    }

    private MachineProbe probe(java.util.function.Supplier<String> uname) {
        return new MachineProbe(root, 2, "Linux", "6.1.0-os-version", "amd64", uname);
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
