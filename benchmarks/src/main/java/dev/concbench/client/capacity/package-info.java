/**
 * Open-loop rate sweeps and the capacity at a latency objective: which rate to offer next
 * ({@link dev.concbench.client.capacity.Sweep}: a bracket search or a fixed curve), how one step is
 * judged ({@link dev.concbench.client.capacity.StepJudge}), and the loop that applies the steps to
 * one server or, alternating, to two ({@link dev.concbench.client.capacity.SweepRunner}). Used by
 * the suite's capacity cases and by the load command's {@code --sweep} and {@code --capacity}.
 */
package dev.concbench.client.capacity;
