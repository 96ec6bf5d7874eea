/**
 * What a run learns about where it runs: the machine ({@link dev.concbench.bench.probe.MachineProbe},
 * from {@code /proc}, {@code /etc/os-release} and {@code uname}) and the JVM
 * ({@link dev.concbench.bench.probe.JvmProbe}). The results module holds only the records they fill
 * in ({@code MachineInfo}, {@code JvmInfo}).
 */
package dev.concbench.bench.probe;
