package io.jenkins.plugins.deploysteps.jenkins;

import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
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

    /** The getter of a declared name on {@code type}, if it has one (a test holds every step to having them all). */
    public static Optional<Method> getter(Class<?> type, String name) {
        try {
            for (PropertyDescriptor d : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
                if (d.getName().equals(name) && d.getReadMethod() != null) {
                    return Optional.of(d.getReadMethod());
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
        if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
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
