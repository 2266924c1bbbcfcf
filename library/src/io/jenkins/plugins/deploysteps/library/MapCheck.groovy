package io.jenkins.plugins.deploysteps.library

/**
 * Checks a template's Map before anything touches a host: unknown keys (with the closest known key as a
 * suggestion), wrong types and missing required keys, each refusal naming the key. Phase maps are checked against
 * the parameters the plugin's own steps declare (resources/.../step-parameters.txt, generated from them).
 *
 * Written for Pipeline's CPS-transformed Groovy 2.4: plain loops only, no closures handed to Java methods.
 */
class MapCheck implements Serializable {
    private static final long serialVersionUID = 1L

    /** step name -> (parameter name -> [kind, required]) */
    private final Map<String, Map<String, List<String>>> steps = [:]
    private final String template

    MapCheck(String template, String stepTable) {
        this.template = template
        for (String line : stepTable.split('\n')) {
            if (line.trim().isEmpty() || line.startsWith('#')) {
                continue
            }
            String[] f = line.split('\t')
            if (!steps.containsKey(f[0])) {
                steps.put(f[0], [:])
            }
            steps.get(f[0]).put(f[1], [f[2], f[3]])
        }
    }

    boolean knows(String step) {
        return steps.containsKey(step)
    }

    /** The parameter names of a step, for copying the ones another step shares (composeDeploy -> composeRollback). */
    List<String> parameters(String step) {
        List<String> names = []
        Map<String, List<String>> params = steps.get(step)
        if (params != null) {
            names.addAll(params.keySet())
        }
        return names
    }

    /** Refuses keys that are not in {@code schema} (key -> kind) and checks the kind of each given value. */
    void keys(String where, Map given, Map<String, String> schema, List<String> required) {
        for (Object k : given.keySet()) {
            String key = k.toString()
            if (!schema.containsKey(key)) {
                fail(where, key, 'is not a key of ' + template + suggestion(key, schema.keySet()))
            }
            kind(where, key, given.get(k), schema.get(key))
        }
        for (String key : required) {
            if (given.get(key) == null) {
                fail(where, key, 'is required')
            }
        }
    }

    /**
     * A phase's map is a step's parameters without the ones the template sets itself ({@code reserved}); keys the
     * step does not know, wrong kinds and missing required parameters are refused here, before any host is touched.
     */
    void phase(String where, Object value, String step, List<String> reserved) {
        if (!(value instanceof Map)) {
            fail('', where, 'must be a map of ' + step + ' parameters, not ' + describe(value))
        }
        Map<String, List<String>> params = steps.get(step)
        if (params == null) {
            fail('', where, 'needs the ' + step + ' step, which this version of the plugin does not have')
        }
        for (Object k : ((Map) value).keySet()) {
            if (reserved.contains(k.toString())) {
                fail(where, k.toString(), 'is set by ' + template + ' for every host and phase')
            }
        }
        entries(where, (Map) value, step, params, '', reserved)
    }

    /**
     * The keys of one map at one level of a step's parameters: top level ({@code prefix} ''), a nested map
     * ({@code 'tls.'}) or the items of a list of maps ({@code 'checks[].'}), as the steps declare them.
     */
    private void entries(String where, Map given, String step, Map<String, List<String>> params, String prefix, List<String> reserved) {
        List<String> level = []
        for (String name : params.keySet()) {
            if (name.startsWith(prefix) && !name.substring(prefix.length()).contains('.')) {
                level.add(name.substring(prefix.length()))
            }
        }
        for (Object k : given.keySet()) {
            String key = k.toString()
            String full = prefix + key
            if (!params.containsKey(full)) {
                fail(where, key, 'is not a parameter of ' + step + suggestion(key, level))
            }
            Object v = given.get(k)
            kind(where, key, v, params.get(full).get(0))
            if (v instanceof Map && declares(params, full + '.')) {
                entries(where + '.' + key, (Map) v, step, params, full + '.', [])
            }
            if (v instanceof List && declares(params, full + '[].')) {
                List items = (List) v
                for (int i = 0; i < items.size(); i++) {
                    entries(where + '.' + key + '[' + i + ']', (Map) items.get(i), step, params, full + '[].', [])
                }
            }
        }
        for (String key : level) {
            if (params.get(prefix + key).get(1) == 'required' && !reserved.contains(key) && given.get(key) == null) {
                fail(where, key, 'is required by ' + step)
            }
        }
    }

    private static boolean declares(Map<String, List<String>> params, String prefix) {
        for (String name : params.keySet()) {
            if (name.startsWith(prefix)) {
                return true
            }
        }
        return false
    }

    void kind(String where, String key, Object v, String kind) {
        if (v == null) {
            return
        }
        boolean ok
        switch (kind) {
            case 'string': ok = v instanceof CharSequence; break
            case 'boolean': ok = v instanceof Boolean; break
            case 'number': ok = v instanceof Number; break
            case 'map': ok = v instanceof Map; break
            case 'maps': ok = v instanceof List && allMaps((List) v); break
            case 'strings': ok = v instanceof CharSequence || v instanceof List && noMaps((List) v); break
            case 'value': ok = v instanceof CharSequence || v instanceof Number; break
            case 'any': ok = v instanceof CharSequence || v instanceof Number || v instanceof List; break
            case 'batch': ok = v instanceof Number && ((Number) v).intValue() >= 1 || v instanceof CharSequence && v.toString() ==~ /[1-9][0-9]?%|100%/; break
            case 'duration': ok = v instanceof CharSequence && v.toString() ==~ /[0-9]+(ms|s|m|h)/; break
            case 'hosts': ok = v instanceof List && !((List) v).isEmpty() && allNames((List) v); break
            case 'hostVars': ok = v instanceof Map && allMaps(new ArrayList(((Map) v).values())); break
            default: ok = true
        }
        if (!ok) {
            fail(where, key, 'must be ' + EXPECTED.get(kind) + ', not ' + describe(v))
        }
    }

    private static final Map<String, String> EXPECTED = [
            string: 'a string', boolean: 'true or false', number: 'a number', map: 'a map', maps: 'a list of maps',
            strings: 'a string or a list of strings', value: 'a string or a number', any: 'a string, a number or a list',
            batch: "a number of hosts (1 or more) or a percentage such as '30%'", duration: "a duration such as '30s', '2m' or '500ms'",
            hosts: 'a non-empty list of host names', hostVars: 'a map of host name to a map of values']

    private static boolean allMaps(List items) {
        for (Object o : items) {
            if (!(o instanceof Map)) {
                return false
            }
        }
        return true
    }

    private static boolean noMaps(List items) {
        for (Object o : items) {
            if (o instanceof Map || o instanceof List) {
                return false
            }
        }
        return true
    }

    private static boolean allNames(List items) {
        for (Object o : items) {
            if (!(o instanceof CharSequence) || o.toString().trim().isEmpty()) {
                return false
            }
        }
        return true
    }

    void fail(String where, String key, String problem) {
        throw new IllegalArgumentException(template + ': ' + (where ? where + '.' : '') + key + ' ' + problem)
    }

    static String describe(Object v) {
        if (v == null) {
            return 'nothing'
        }
        String type = v instanceof CharSequence ? 'string' : v instanceof Boolean ? 'boolean' : v instanceof Number ? 'number'
                : v instanceof Map ? 'map' : v instanceof List ? 'list' : v.getClass().getSimpleName()
        String text = v.toString()
        return type + (v instanceof CharSequence ? " '" + text + "'" : text.length() > 40 ? '' : ' ' + text)
    }

    /** " (did you mean 'batch'?)" for the closest known key, when it is close enough to be a typo. */
    static String suggestion(String key, Collection<String> known) {
        String best = null
        int bestDistance = Integer.MAX_VALUE
        for (String k : known) {
            int d = distance(key.toLowerCase(), k.toLowerCase())
            if (d < bestDistance) {
                bestDistance = d
                best = k
            }
        }
        if (best != null && bestDistance <= Math.max(1, (int) (key.length() / 3))) {
            return " (did you mean '" + best + "'?)"
        }
        List<String> sorted = new ArrayList<String>(known)
        Collections.sort(sorted)
        return '; known keys: ' + sorted.join(', ')
    }

    /** Levenshtein distance, with an adjacent swap counting as one edit (one flat table: plain arrays suit CPS). */
    static int distance(String a, String b) {
        int w = b.length() + 1
        int[] d = new int[(a.length() + 1) * w]
        for (int i = 0; i <= a.length(); i++) {
            d[i * w] = i
        }
        for (int j = 0; j <= b.length(); j++) {
            d[j] = j
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1
                int best = Math.min(Math.min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1), d[(i - 1) * w + j - 1] + cost)
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[(i - 2) * w + j - 2] + 1)
                }
                d[i * w + j] = best
            }
        }
        return d[a.length() * w + b.length()]
    }
}
