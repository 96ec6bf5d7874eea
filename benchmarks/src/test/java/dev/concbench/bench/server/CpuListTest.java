package dev.concbench.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuListTest {

    @Test
    void acceptsTasksetLists() {
        assertThat(new CpuList("0").commandPrefix()).containsExactly("taskset", "-c", "0");
        assertThat(new CpuList("0-3,6").text()).isEqualTo("0-3,6");
        assertThat(CpuList.parseOrNull("  1 ")).isEqualTo(new CpuList("1"));
        assertThat(CpuList.parseOrNull(" ")).isNull();
        assertThat(CpuList.parseOrNull(null)).isNull();
    }

    @Test
    void rejectsWhatTasksetWouldNot() {
        assertThatThrownBy(() -> new CpuList("one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"one\"");
        assertThatThrownBy(() -> new CpuList("1,")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpuList("-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
