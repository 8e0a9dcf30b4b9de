package dev.scratchnet.spark.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import scala.Option;

/** Reads what {@link ModelWriter} wrote: the metadata's uid and params, and the network's model file. */
final class ModelReader extends MLReader<ScratchnetModel> {

    @Override
    public ScratchnetModel load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(),
                ScratchnetModel.class.getName());
        Path file = new Path(new Path(path, "data"), "model.zip");
        try {
            FileSystem fileSystem = file.getFileSystem(sc().hadoopConfiguration());
            byte[] bytes;
            try (InputStream in = fileSystem.open(file)) {
                bytes = in.readAllBytes();
            }
            // the task saved among the params replaces this placeholder
            ScratchnetModel model = new ScratchnetModel(metadata.uid(), bytes, Task.CLASSIFICATION);
            metadata.getAndSetParams(model, Option.empty());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the model file " + file + " of the saved ScratchnetModel", e);
        }
    }
}
