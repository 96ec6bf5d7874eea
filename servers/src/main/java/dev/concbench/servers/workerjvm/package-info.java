/**
 * Worker JVMs, what the process-based models ({@code process}, {@code prefork}) share: a server
 * that spawns, watches and reaps them ({@link dev.concbench.servers.workerjvm.ChildProcessServer}),
 * their command line and environment ({@link dev.concbench.servers.workerjvm.WorkerJvm}), their
 * start-up tuning ({@link dev.concbench.servers.workerjvm.WorkerJvmOptions}), the parent's settings
 * passed on their command line ({@link dev.concbench.servers.workerjvm.WorkerSettings}), and their
 * AOT cache ({@link dev.concbench.servers.workerjvm.AotCache}).
 *
 * <p>It also holds {@link dev.concbench.servers.workerjvm.ConnectionWorker}, the program that
 * serves one connection handed to it as standard input and output (inetd style): the
 * {@code process} model's child, and the program whose training run builds the AOT cache that
 * every worker JVM, of either model, starts from.
 */
package dev.concbench.servers.workerjvm;
