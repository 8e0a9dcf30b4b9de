/** Initializers, all drawing from the network's seeded generator. Not API: use {@link dev.scratchnet.Initializer}. */
package dev.scratchnet.init;
