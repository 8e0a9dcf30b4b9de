/** Argument and shape checks shared by the rest of scratchnet. Not API: use the contract in {@code dev.scratchnet}. */
package dev.scratchnet.internal;
