package dev.scratchnet.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and copies records by their components, so that code over a group of settings (the
 * builder's setters, the checkpoint fingerprint) names each setting once, in its record, instead of
 * repeating every component in a constructor call.
 */
public final class Records {

    private Records() {
    }

    /** The components of {@code record}, name to value, in declaration order. */
    public static Map<String, Object> components(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            values.put(component.getName(), value(record, component));
        }
        return values;
    }

    /**
     * A copy of {@code record} with component {@code name} set to {@code value}, made by the
     * record's canonical constructor (so its checks run).
     *
     * @throws IllegalArgumentException when the record has no component {@code name}
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, String name, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            found |= components[i].getName().equals(name);
            values[i] = components[i].getName().equals(name) ? value : value(record, components[i]);
        }
        if (!found) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no setting " + name);
        }
        try {
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }

    private static Object value(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }
}
