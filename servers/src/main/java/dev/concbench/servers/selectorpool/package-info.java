/**
 * The {@code selector-pool} model. This package holds only its registration,
 * {@link dev.concbench.servers.selectorpool.SelectorPoolModel}; the server is
 * {@link dev.concbench.servers.selector.SelectorServer} in {@code selector/}, handing the
 * application to a bounded pool ({@link dev.concbench.servers.selector.Workers}).
 */
package dev.concbench.servers.selectorpool;
