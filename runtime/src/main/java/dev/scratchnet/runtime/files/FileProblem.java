package dev.scratchnet.runtime.files;

/**
 * What is wrong with the content of a file being read (a model file, a checkpoint), said without
 * the file's name: the caller that knows which file it was adds it, as in
 * {@code cannot load model m.zip: the file is empty}.
 */
public final class FileProblem extends Exception {

    /** A problem the message describes. */
    public FileProblem(String message) {
        super(message);
    }

    /** A problem found through {@code cause}, such as a damaged zip. */
    public FileProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
