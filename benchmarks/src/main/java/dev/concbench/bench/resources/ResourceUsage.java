package dev.concbench.bench.resources;

/**
 * What a server's process tree (the server process and every live descendant) used while it was
 * sampled.
 *
 * @param peakThreads         most threads of the tree at one sample
 * @param peakFileDescriptors most open descriptors of the tree at one sample
 * @param peakRssBytes        largest resident memory of the tree at one sample, bytes
 * @param cpuSeconds          user + system CPU seconds of the tree over the measured windows
 *                            (see {@link ProcessTreeSampler#markWindowStart()}), reaped children included,
 *                            the JIT compiler threads left out
 * @param childrenSeen        distinct descendant processes seen by the samples (short-lived ones
 *                            between two samples are missed: a lower bound)
 * @param peakLiveChildren    most live descendants at one sample
 * @param samples             how many samples were taken
 */
public record ResourceUsage(int peakThreads, int peakFileDescriptors, long peakRssBytes, double cpuSeconds,
                            long childrenSeen, int peakLiveChildren, long samples) {
}
