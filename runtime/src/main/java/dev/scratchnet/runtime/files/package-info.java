/**
 * Model files, read and written in one place for the core and the runtime, on plain Java arrays
 * (no ND4J): {@link dev.scratchnet.runtime.files.ModelFileReader} and
 * {@link dev.scratchnet.runtime.files.ModelFileWriter} over a
 * {@link dev.scratchnet.runtime.files.SavedModel}, with the layout and versions in
 * {@link dev.scratchnet.runtime.files.ModelFileFormat}. Public only because the core, another
 * module, uses it: not API; users reach it through {@code Network.save}, {@code Network.load} and
 * {@code Model.load}.
 */
package dev.scratchnet.runtime.files;
