package io.jenkins.plugins.deploysteps.jenkins;

import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Jenkins step's (or nested setting's) bean properties as the engine's parameter map, walking the engine's
 * declarations: one getter per declared name, read by reflection, so no step keeps a hand-written list of
 * {@code put}s. Unset values are left out so the engine's defaults apply.
 */
public final class StepParams {
    private StepParams() {}

    public static Map<String, Object> of(Object bean, ParamSet declarations) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param<?> p : declarations.all()) {
            Object value = convert(p, read(bean, p.name()));
            if (value != null) {
                out.put(p.name(), value);
            }
        }
        return out;
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /**
     * Whether the engine reads an empty list or map as it reads the parameter left out: then it is left out. Where
     * it does not ({@code preserve: []} preserves nothing, left out the env files), the empty value is passed on.
     */
    private static boolean readsAsDefault(Param<?> p, Object empty) {
        try {
            return Objects.equals(p.read(Params.of(Map.of(p.name(), empty))), p.read(Params.of(Map.of())));
        } catch (SpecException e) {
            return true;
        }
    }

    /** The getter of a declared name on {@code type}, if it has one (a test holds every step to having them all). */
    public static Optional<Method> getter(Class<?> type, String name) {
        return property(type, name).map(PropertyDescriptor::getReadMethod);
    }

    /** Hands a declared property of {@code bean} its value through its setter (a map field, after the form bound the rest). */
    static void set(Object bean, String name, Object value) {
        Method m = property(bean.getClass(), name).map(PropertyDescriptor::getWriteMethod)
                .orElseThrow(() -> new IllegalStateException(bean.getClass().getSimpleName() + " has no setter for its parameter '" + name + "'"));
        try {
            m.invoke(bean, value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot set " + bean.getClass().getSimpleName() + "." + name, e);
        }
    }

    private static Optional<PropertyDescriptor> property(Class<?> type, String name) {
        try {
            for (PropertyDescriptor d : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
                if (d.getName().equals(name)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        } catch (IntrospectionException e) {
            throw new IllegalStateException(type.getName() + " is not a bean", e);
        }
    }

    private static Object read(Object bean, String name) {
        Method m = getter(bean.getClass(), name)
                .orElseThrow(() -> new IllegalStateException(bean.getClass().getSimpleName() + " has no getter for its parameter '" + name + "'"));
        try {
            return m.invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + bean.getClass().getSimpleName() + "." + name, e);
        }
    }

    private static Object convert(Param<?> p, Object value) {
        if (value == null || isEmpty(value) && readsAsDefault(p, value)) {
            return null;
        }
        return switch (p.kind()) {
            case FLAG -> Boolean.TRUE.equals(value) ? Boolean.TRUE : null;
            case LIST -> value instanceof Collection<?> c ? new ArrayList<>(c) : value;
            case MAP -> new LinkedHashMap<>((Map<?, ?>) value);
            case SETTINGS -> of(value, p.nested());
            case SETTINGS_LIST -> {
                List<Map<String, Object>> maps = new ArrayList<>();
                for (Object element : (Collection<?>) value) {
                    maps.add(of(element, p.nested()));
                }
                yield maps;
            }
            case VALUE, BOOLEAN -> value;
        };
    }
}
