/**
 * The {@code selector-virtual} model. This package holds only its registration,
 * {@link dev.concbench.servers.selectorvirtual.SelectorVirtualModel}; the server is
 * {@link dev.concbench.servers.selector.SelectorServer} in {@code selector/}, handing each request's
 * application to a new virtual thread ({@link dev.concbench.servers.selector.Workers}).
 */
package dev.concbench.servers.selectorvirtual;
