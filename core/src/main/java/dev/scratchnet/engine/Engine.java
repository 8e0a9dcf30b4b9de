package dev.scratchnet.engine;

import dev.scratchnet.Backend;

/**
 * The backend switch as it was before {@link Backend}: kept for programs that read it.
 *
 * @deprecated use {@link Backend#PROPERTY}, {@link Backend#byDefault()} and
 *             {@code Network.Builder.backend(Backend)}
 */
@Deprecated
public final class Engine {

    /** The system property that chooses the default backend; see {@link Backend#PROPERTY}. */
    public static final String PROPERTY = Backend.PROPERTY;

    private Engine() {
    }

    /** Whether networks built now get the fast backend by default. */
    public static boolean fastEnabled() {
        return Backend.byDefault() == Backend.FAST;
    }
}
