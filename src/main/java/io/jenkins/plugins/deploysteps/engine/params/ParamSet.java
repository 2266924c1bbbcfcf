package io.jenkins.plugins.deploysteps.engine.params;

import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A step's parameters, declared once, in the order help and docs list them. */
public final class ParamSet {
    private final Map<String, Param<?>> byName = new LinkedHashMap<>();

    private ParamSet(Collection<? extends Param<?>> params) {
        for (Param<?> p : params) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' is declared twice");
            }
        }
    }

    public static ParamSet of(Param<?>... params) {
        return new ParamSet(List.of(params));
    }

    /** These parameters, then {@code more}'s (a step's own, then the ones every step shares). */
    public ParamSet plus(ParamSet more) {
        List<Param<?>> all = new ArrayList<>(byName.values());
        all.addAll(more.all());
        return new ParamSet(all);
    }

    public List<Param<?>> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<Param<?>> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The declaration of a parameter's path: {@code timeout}, {@code tls.warnDays} or {@code checks[0].url} (any
     * index), through the nested declarations.
     */
    public Optional<Param<?>> find(String path) {
        int dot = path.indexOf('.');
        String head = (dot < 0 ? path : path.substring(0, dot)).replaceAll("\\[\\d*]$", "");
        Optional<Param<?>> p = get(head);
        return dot < 0 || p.isEmpty() ? p : p.get().nested().find(path.substring(dot + 1));
    }

    /**
     * Every parameter as {@code deploy-steps help} lists it, nested ones under their full name ({@code tls.warnDays},
     * {@code checks[].url}).
     */
    public List<ParamDoc> docs() {
        List<ParamDoc> out = new ArrayList<>();
        addDocs("", out);
        return out;
    }

    private void addDocs(String prefix, List<ParamDoc> out) {
        for (Param<?> p : byName.values()) {
            out.add(new ParamDoc(prefix + p.name(), p.type(), p.defaultText(), p.doc()));
            p.nested().addDocs(prefix + p.name() + (p.kind() == Param.Kind.SETTINGS_LIST ? "[]." : "."), out);
        }
    }
}
