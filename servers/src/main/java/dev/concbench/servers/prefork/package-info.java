/**
 * The {@code prefork} model (Apache's prefork MPM, gunicorn's sync workers): a fixed set of worker
 * JVMs, spawned once, share the listening socket and each serve one connection at a time.
 *
 * <p>The parent binds the socket and spawns {@code workers} {@link dev.concbench.servers.prefork.PreforkWorker}
 * JVMs (one per core by default) with the listening socket as their standard input, so that
 * {@code System.inheritedChannel()} hands each a {@code ServerSocketChannel} on the same socket; the
 * kernel gives each new connection to one worker blocked in {@code accept}. A worker keeps a
 * connection for as long as the client does (keep-alive), so at most {@code workers} connections
 * are served at once, and a slow request holds up only its own connection, but also takes a whole
 * worker. The parent supervises: it reaps and replaces a worker that dies, and workers halt when
 * the parent dies. Spawning, reaping and the worker JVM's start-up are those of the
 * {@code process} model, in {@link dev.concbench.servers.workerjvm}.
 */
package dev.concbench.servers.prefork;
