package dev.scratchnet.spark.ml;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

/**
 * Writes a {@link ScratchnetModel} as Spark ML stages are written: {@code PATH/metadata} (class,
 * uid, params, as {@code DefaultParamsWriter} writes them) and {@code PATH/data/model.zip}, the
 * network's model file, through Hadoop's file system (so local, HDFS or object-store paths).
 */
final class ModelWriter extends MLWriter {

    private final ScratchnetModel model;

    ModelWriter(ScratchnetModel model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(model, path, sc(), Option.empty(), Option.empty());
        Path file = new Path(new Path(path, "data"), "model.zip");
        try {
            FileSystem fileSystem = file.getFileSystem(sc().hadoopConfiguration());
            try (OutputStream out = fileSystem.create(file, true)) {
                out.write(model.modelFileBytes());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the model file " + file, e);
        }
    }
}
