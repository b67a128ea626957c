package io.github.compose4j.model.codec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serialized shape of a model record: its components in declaration order (which is Compose's
 * field order) with their keys. Computed once per record class.
 */
public final class RecordShape {
    /** One serialized component. */
    public record Component(String name, String serializedName, boolean omitEmpty, boolean yamlOmitEmpty,
                            boolean hidden, Type type, Class<?> rawType, Method getter) {
        public Object get(Object record) {
            try {
                return getter.invoke(record);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ConcurrentHashMap<Class<?>, RecordShape> CACHE = new ConcurrentHashMap<>();

    private final Class<?> type;
    private final List<Component> components;
    private final java.util.Set<String> serializedNames;
    private final Constructor<?> constructor;

    private RecordShape(Class<?> type) {
        this.type = type;
        RecordComponent[] rcs = type.getRecordComponents();
        List<KeyIndex.Entry> keys = KeyIndex.of(type)
                .filter(k -> k.size() == rcs.length)
                .orElseGet(() -> java.util.Arrays.stream(rcs).map(KeyIndex.Entry::of).toList());
        List<Component> list = new ArrayList<>(rcs.length);
        Class<?>[] paramTypes = new Class<?>[rcs.length];
        try {
            for (int i = 0; i < rcs.length; i++) {
                RecordComponent rc = rcs[i];
                KeyIndex.Entry key = keys.get(i);
                if (!key.component().equals(rc.getName())) {
                    throw new IllegalStateException(type.getName() + ": key index out of date at " + rc.getName());
                }
                Method getter = rc.getAccessor();
                list.add(new Component(rc.getName(), key.key(), key.omitEmpty(), key.yamlOmitEmpty(), key.hidden(),
                        rc.getGenericType(), rc.getType(), getter));
                paramTypes[i] = rc.getType();
            }
            this.constructor = type.getDeclaredConstructor(paramTypes);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        this.components = List.copyOf(list);
        java.util.Set<String> names = new java.util.HashSet<>();
        list.forEach(c -> names.add(c.serializedName()));
        this.serializedNames = java.util.Set.copyOf(names);
    }

    public static RecordShape of(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return CACHE.computeIfAbsent(type, RecordShape::new);
    }

    /**
     * Computes the shapes of all model records now, for a caller that can do it on another thread while the
     * first compose file is read (a command's start-up).
     */
    public static void prepareModel() {
        for (String name : KeyIndex.recordNames()) {
            try {
                of(Class.forName(name, false, RecordShape.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Class<?> type() {
        return type;
    }

    public List<Component> components() {
        return components;
    }

    /** Whether {@code name} is the serialized name of a component. */
    public boolean hasSerializedName(String name) {
        return serializedNames.contains(name);
    }

    /** A copy of {@code record} with one component replaced. */
    public static <T extends Record> T with(T record, String component, Object value) {
        RecordShape shape = of(record.getClass());
        Object[] values = new Object[shape.components.size()];
        boolean found = false;
        for (int i = 0; i < values.length; i++) {
            Component c = shape.components.get(i);
            if (c.name().equals(component)) {
                values[i] = value;
                found = true;
            } else {
                values[i] = c.get(record);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
        }
        @SuppressWarnings("unchecked")
        T copy = (T) shape.construct(values);
        return copy;
    }

    /** Calls the canonical constructor with values in component order. */
    public Object construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
