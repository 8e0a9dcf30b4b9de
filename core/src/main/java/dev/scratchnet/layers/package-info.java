/** Layer implementations. Not API: build layers through {@link dev.scratchnet.Network#builder()}. */
package dev.scratchnet.layers;
