/**
 * The op table: every built-in activation and loss registered once, with the readable spec class it
 * is, the fast kernel that follows it and the names files, the DSL and the commands use. Not API.
 */
package dev.scratchnet.ops;
