package dev.scratchnet.arithmetic;

import dev.scratchnet.Activation;
import dev.scratchnet.Backend;
import dev.scratchnet.Layer;
import dev.scratchnet.Loss;
import dev.scratchnet.ops.OpTable;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a network's arithmetic when it is built: the backend asked for, unless the fast one lacks
 * a kernel for one of the network's ops, in which case the reference backend runs, a notice is
 * logged once per op class, and the summary says why.
 */
public final class Backends {

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    private static final Set<Class<?>> NOTICED = ConcurrentHashMap.newKeySet();

    private Backends() {
    }

    /** The arithmetic for {@code layers} on {@code requested}, or the reference when the fast one cannot run them. */
    public static Arithmetic create(Backend requested, List<Layer> layers, DataType dataType) {
        return create(requested, layers, dataType, 0);
    }

    /**
     * As {@link #create(Backend, List, DataType)}, the fast backend training on {@code trainingThreads}
     * threads (0: its default, see {@code Network.Builder.threads}).
     */
    public static Arithmetic create(Backend requested, List<Layer> layers, DataType dataType, int trainingThreads) {
        if (requested == Backend.REFERENCE) {
            return new ReferenceArithmetic(layers, "reference");
        }
        for (int i = 0; i < layers.size(); i++) {
            Activation activation = layers.get(i).activation();
            if (OpTable.of(activation).isEmpty()) {
                String why = "activation '" + activation.name() + "' in dense layer " + (i + 1) + " ("
                        + activation.getClass().getName() + ") has no fast kernel";
                notice(activation.getClass(), why);
                return new ReferenceArithmetic(layers, "reference (" + why + ")");
            }
        }
        return FastBackendHolder.INSTANCE.create(layers, dataType, trainingThreads);
    }

    /** Whether {@code loss} has a fast kernel; if not, says so once and the caller runs the reference code. */
    public static boolean fastLoss(Loss loss) {
        if (OpTable.of(loss).isPresent()) {
            return true;
        }
        notice(loss.getClass(), "loss '" + loss.name() + "' (" + loss.getClass().getName() + ") has no fast kernel");
        return false;
    }

    private static void notice(Class<?> op, String why) {
        if (NOTICED.add(op)) {
            LOG.info("scratchnet: {}; networks and fits using it run on the reference backend", why);
        }
    }

    /** Loaded on first use of the fast backend. */
    private static final class FastBackendHolder {
        static final FastBackend INSTANCE = ServiceLoader.load(FastBackend.class, Backends.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no fast backend registered under META-INF/services/"
                        + FastBackend.class.getName() + "; run with -D" + Backend.PROPERTY + "=reference"));
    }
}
