/**
 * The {@code prefork} model (Apache's prefork MPM, gunicorn's sync workers): a fixed set of worker
 * JVMs, spawned once, share the listening socket and each serve one connection at a time.
 *
 * <p>The parent binds the socket and spawns {@code workers} {@link dev.concbench.servers.prefork.PreforkWorker}
 * JVMs with the listening socket as their standard input, so that
 * {@code System.inheritedChannel()} hands each a {@code ServerSocketChannel} on the same socket; the
 * kernel gives each new connection to one worker blocked in {@code accept}. A worker keeps a
 * connection for as long as the client does (keep-alive), so at most {@code workers} connections
 * are served at once, and a slow request holds up only its own connection, but also takes a whole
 * worker. The parent supervises: it reaps and replaces a worker that dies, and workers halt when
 * the parent dies. Spawning, reaping and the worker JVM's start-up are those of the
 * {@code process} model, in {@link dev.concbench.servers.workerjvm}.
 *
 * <h2>How many workers</h2>
 * By default (2 &times; cores) + 1, five on two cores: gunicorn's documented starting point for its
 * sync workers, which serve one connection at a time as these do; one per core would leave a core
 * idle whenever its worker waits on a slow client or a blocking call. Apache's prefork MPM starts
 * 5 servers ({@code StartServers}) and grows towards 256 ({@code MaxRequestWorkers}) to keep 5 to
 * 10 idle; this model does not grow: a worker is a whole JVM (tens of MB resident and a JVM start
 * each), all spawned at start, and connections beyond {@code workers} wait in the listen backlog,
 * which the fairness figures show as starved connections, as past Apache's ceiling.
 * {@code --threads N} ({@link dev.concbench.servers.ServerConfig#workers()}) sets another count,
 * e.g. a run's connection count, to serve every connection at once.
 */
package dev.concbench.servers.prefork;
