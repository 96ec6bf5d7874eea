package dev.concbench.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The machine a run was measured on (found by the benchmarks module's {@code MachineProbe}).
 *
 * <p>The {@code id} names the machine's directory under {@code results/runs/} and its baseline
 * file. It is a fingerprint of the hardware, never the host name: {@link #fingerprintId} hashes
 * CPU model, logical CPUs, memory (rounded to whole GiB) and architecture, so two runs on the same
 * kind of machine (for instance successive CI runners of one type) share baselines, while a
 * kernel or OS update keeps the id.
 *
 * @param id          machine id, 1–64 characters of {@code [A-Za-z0-9._-]}; normally 12 hex digits
 * @param cpuModel    CPU model name as the kernel reports it
 * @param cores       logical CPUs available to the JVM
 * @param memoryBytes physical memory, bytes ({@code MemTotal})
 * @param arch        CPU architecture ({@code os.arch}), e.g. {@code amd64}
 * @param os          operating system, e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param kernel      kernel release, e.g. {@code 6.1.0-18-amd64}
 */
public record MachineInfo(String id, String cpuModel, int cores, long memoryBytes, String arch, String os,
                          String kernel) {

    private static final long GIB = 1L << 30;

    public MachineInfo {
        Checks.notBlank(id, "machine id");
        if (!id.matches("[A-Za-z0-9._-]{1,64}") || id.startsWith(".")) {
            throw new IllegalArgumentException("machine id must be 1-64 characters of [A-Za-z0-9._-] and not start "
                    + "with a dot, got \"" + id + "\"");
        }
        Checks.notBlank(cpuModel, "machine cpuModel");
        if (cores < 1) {
            throw new IllegalArgumentException("machine cores must be >= 1, got " + cores);
        }
        Checks.notNegative(memoryBytes, "machine memoryBytes");
        Checks.notBlank(arch, "machine arch");
        Checks.notBlank(os, "machine os");
        Checks.notBlank(kernel, "machine kernel");
    }

    /** The hardware fingerprint: 12 hex digits of SHA-256 over CPU model, cores, memory in GiB and arch. */
    public static String fingerprintId(String cpuModel, int cores, long memoryBytes, String arch) {
        String text = cpuModel.strip() + "\n" + cores + "\n" + Math.round((double) memoryBytes / GIB) + "\n" + arch;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** A short human description, e.g. {@code AMD EPYC 7B13, 2 cores, 24 GiB}. */
    public String summary() {
        return cpuModel + ", " + cores + (cores == 1 ? " core, " : " cores, ")
                + String.format(Locale.ROOT, "%.0f GiB", (double) memoryBytes / GIB);
    }
}
