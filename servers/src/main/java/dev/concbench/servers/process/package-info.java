/**
 * The {@code process} model, process per connection, the blog's forking server done the way a JVM
 * can: it cannot fork itself safely, but it can spawn a fresh JVM that owns the client's socket.
 *
 * <h2>How a request is served</h2>
 * The acceptor thread takes a connection from a listening socket made with the C library
 * ({@link dev.concbench.servers.posix.ListeningSocket}), spawns a {@link dev.concbench.servers.workerjvm.ConnectionWorker}
 * JVM with {@code posix_spawn} with the connected socket as its descriptors 0 and 1 (inetd
 * style), and closes its own copy of the socket at once. The child finds the socket with
 * {@code System.inheritedChannel()}, reads the request and writes the response itself through the
 * same {@code BlockingConnection}, codec and application as every model ({@code Connection: close}),
 * and exits. A reaper thread waits for every child ({@code waitpid} on a pidfd), so none is left a
 * zombie, and kills one that lives past its deadline. At most {@code workers} children (64 by
 * default) live at once; at the cap the acceptor stops accepting and connections wait in the
 * listen backlog. Children halt when the parent dies, however it dies, through a
 * {@link dev.concbench.servers.posix.Lifeline}.
 *
 * <h2>Start-up of a worker JVM</h2>
 * A worker's start-up is the model's whole cost, so {@link dev.concbench.servers.workerjvm.WorkerJvm}
 * gives it an AOT cache (JDK 25, {@code -XX:AOTCache}) trained once per class path by a real
 * worker serving every endpoint ({@code workerjvm.AotCache}), and options for a JVM that lives for
 * one request ({@link dev.concbench.servers.workerjvm.WorkerJvmOptions#FAST_START}). Spawning,
 * reaping and the worker JVM are shared with {@code prefork}, in {@link dev.concbench.servers.workerjvm}.
 * The code a worker runs avoids what a short-lived JVM pays for dearly: classes generated at run
 * time (a pattern {@code switch}, a {@code VarHandle}, reflection through method handles) and
 * heavy static initialisation (Jackson's mapper is made on the first {@code /json} only, the
 * {@code Date} header is formatted without {@code DateTimeFormatter}).
 */
package dev.concbench.servers.process;
