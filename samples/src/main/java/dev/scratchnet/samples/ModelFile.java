package dev.scratchnet.samples;

import dev.scratchnet.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --model FILE} option of predict, export and explain: a folder (the {@code --output} of
 * digits, mnist or train) is refused with the file inside it that was probably meant.
 */
final class ModelFile {

    private ModelFile() {
    }

    /** Loads the network saved at {@code model}, after checking that it is not a folder. */
    static Network load(Path model) throws IOException {
        if (Files.isDirectory(model)) {
            Path inside = model.resolve("model.zip");
            throw new IllegalArgumentException("--model expects a model file such as model.zip, but " + model
                    + " is a folder" + (Files.isRegularFile(inside) ? "; try --model " + inside
                    : " (digits, mnist and train write model.zip into their --output folder)"));
        }
        return Network.load(model);
    }
}
