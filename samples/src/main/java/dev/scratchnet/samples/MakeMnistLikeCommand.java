package dev.scratchnet.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./scratchnet make-mnist-like DIR}: the four MNIST IDX files made from the bundled digits, so
 * that {@code mnist --data DIR} runs without downloading MNIST (see {@link DigitsAsMnist}).
 */
@Command(name = "make-mnist-like", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write MNIST-shaped IDX files (train-*/t10k-* images and labels, 28x28) made from the "
                + "bundled 8x8 digits: each scaled to 20x20 and centred in 28x28 as MNIST's are, an 80/20 split. "
                + "Then: ./scratchnet mnist --data DIR."})
final class MakeMnistLikeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "the folder to write (created when missing)")
    Path dir;

    @Option(names = "--copies", paramLabel = "N", description = "training copies, shifted by up to 2 pixels "
            + "(default: ${DEFAULT-VALUE}; 42 gives MNIST's 60000 training images)")
    int copies = 1;

    @Option(names = "--gzip", description = "write .gz files, as MNIST is published")
    boolean gzip;

    @Override
    public Integer call() throws Exception {
        if (copies < 1) {
            throw new IllegalArgumentException("--copies must be >= 1, was " + copies);
        }
        OutputFolder.check("DIR", dir, java.util.List.of("train-images-idx3-ubyte", "t10k-images-idx3-ubyte"));
        DigitsAsMnist.write(Files.createDirectories(dir), 1, copies, gzip);
        System.out.println("wrote MNIST-shaped files from the bundled digits to " + dir + "; now ./scratchnet mnist --data "
                + dir);
        return 0;
    }
}
