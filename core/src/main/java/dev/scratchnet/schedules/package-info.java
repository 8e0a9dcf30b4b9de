/** Learning-rate schedules. Not API: use the factories on {@link dev.scratchnet.Schedule}. */
package dev.scratchnet.schedules;
