package dev.concbench.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The machine id; what is read from the machine is tested with the benchmarks module's {@code MachineProbe}. */
class MachineInfoTest {

    @Test
    void idIgnoresHostKernelAndSmallMemoryDifferencesButNotHardware() {
        String id = MachineInfo.fingerprintId("AMD EPYC 7B13", 2, 24_684_096L * 1024, "amd64");
        assertThat(MachineInfo.fingerprintId("AMD EPYC 7B13", 2, 24_690_000L * 1024, "amd64")).isEqualTo(id);
        assertThat(MachineInfo.fingerprintId("AMD EPYC 7B13", 4, 24_684_096L * 1024, "amd64")).isNotEqualTo(id);
        assertThat(MachineInfo.fingerprintId("Intel Xeon", 2, 24_684_096L * 1024, "amd64")).isNotEqualTo(id);
    }
}
