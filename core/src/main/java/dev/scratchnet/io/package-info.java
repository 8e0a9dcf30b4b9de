/**
 * The saved-model zip behind {@link dev.scratchnet.Network#save} and {@link dev.scratchnet.Network#load}:
 * {@code model.json}, one {@code .npy} array per weight and bias, atomic write, version check.
 * Not API: use {@code net.save(path)} and {@code Network.load(path)}.
 */
package dev.scratchnet.io;
