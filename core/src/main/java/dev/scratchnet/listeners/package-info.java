/** Ready-made training listeners. Not API: use the factories on {@link dev.scratchnet.TrainingListener}. */
package dev.scratchnet.listeners;
