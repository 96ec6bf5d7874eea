/**
 * Linux process and socket primitives through the Foreign Function &amp; Memory API, shared by the
 * process-based models: a listening socket whose accepted descriptors can be handed to another
 * process, {@code posix_spawn} with descriptor redirections, a reaper that waits for every child,
 * and a lifeline by which children notice that their parent is gone.
 *
 * <p>Linux only (x86-64 and AArch64, glibc 2.36 or newer: {@code pidfd_open},
 * {@code posix_spawn_file_actions_addclosefrom_np}). Elsewhere the first use throws an
 * {@link java.io.IOException} that says so. Every descriptor made here is close-on-exec, so that
 * no child inherits one it was not explicitly given.
 */
package dev.concbench.servers.posix;
