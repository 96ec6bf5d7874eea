package dev.concbench.results;

import java.util.List;
import java.util.Objects;

/**
 * A Java virtual machine that took part in a run.
 *
 * @param version the {@code java.runtime.version}, e.g. {@code 25+36-LTS}
 * @param vendor  the {@code java.vm.vendor}, e.g. {@code Eclipse Adoptium}
 * @param flags   the JVM input arguments in order (e.g. {@code -Xmx2g}); empty when none
 */
public record JvmInfo(String version, String vendor, List<String> flags) {

    public JvmInfo {
        Checks.notBlank(version, "jvm version");
        Checks.notBlank(vendor, "jvm vendor");
        flags = List.copyOf(Objects.requireNonNullElse(flags, List.of()));
    }
}
