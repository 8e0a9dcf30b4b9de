package dev.scratchnet;

import java.util.Locale;

/**
 * Which code does a network's arithmetic, chosen once when the network is built
 * ({@link Network.Builder#backend}) and named by {@link Network#summary()}.
 * <ul>
 *   <li>{@link #REFERENCE}: the readable layers, activations and losses over ND4J arrays, the spec.</li>
 *   <li>{@link #FAST}: the same math with direct BLAS calls and loops over preallocated buffers; every
 *       op is tested against the reference. A network whose ops include one without a fast kernel
 *       (a user's own activation, say) runs on the reference backend instead, with a notice.</li>
 * </ul>
 * The default is {@link #FAST}, unless the system property {@value #PROPERTY} says
 * {@code reference} (outside harnesses compare the two this way).
 */
public enum Backend {
    /** The readable INDArray code. */
    REFERENCE,
    /** Direct BLAS calls and loops. */
    FAST;

    /** The system property that sets the default backend: {@code reference} or {@code fast}. */
    public static final String PROPERTY = "scratchnet.engine";

    /** The backend a network gets when its builder does not choose: {@value #PROPERTY}, else {@link #FAST}. */
    public static Backend byDefault() {
        String requested = System.getProperty(PROPERTY);
        if (requested == null || requested.isBlank()) {
            return FAST;
        }
        return switch (requested.trim().toLowerCase(Locale.ROOT)) {
            case "reference" -> REFERENCE;
            case "fast" -> FAST;
            default -> throw new IllegalArgumentException(PROPERTY + " must be reference or fast, was \"" + requested + "\"");
        };
    }

    /** The lower-case name summaries use. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
