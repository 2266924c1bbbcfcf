package io.jenkins.plugins.deploysteps.library

/**
 * A template's Map, checked whole and turned into the exact parameters each step gets on each host, before any
 * host is touched: host lists, batches (a count or a percentage, the canary alone first), durations, and the
 * placeholders ({host} and the keys of hostVars) filled in for every host, so a placeholder a host lacks is refused
 * up front too.
 */
class ReleasePlan implements Serializable {
    private static final long serialVersionUID = 1L

    /** The phases in the order a release runs them, with the key that configures each and the step it calls. */
    static final List<List<String>> PHASES = [
            ['Preflight', 'preflight', 'hostCheck'],
            ['Sync', 'sync', 'syncFiles'],
            ['Backend', 'backend', 'composeDeploy'],
            ['Frontend', 'frontend', 'composeDeploy'],
            ['Proxy', 'proxy', 'nginxRoute'],
            ['Verify', 'verify', 'healthVerify'],
            ['Verify', 'magicLink', 'magicLinkAuthCheck']]

    /** Steps that connect to the host themselves: the template gives them {@code host}. */
    static final List<String> SSH_STEPS = ['hostCheck', 'syncFiles', 'composeDeploy', 'nginxRoute']
    static final List<String> RESERVED = ['reportName', 'archive', 'onFailure']

    String template
    List<String> hosts = []
    List<List<String>> batches = []
    String version
    String previousVersion
    boolean rollbackOnFailure
    /** The first batch is the canary: the first host alone. */
    boolean canary
    long pauseSeconds
    /** host -> phase key -> the step's parameters (proxy: a list of them) */
    Map<String, Map<String, Object>> params = [:]
    /** phase key -> composeRollback / nginxRoute parameter names the undo of that phase copies */
    Map<String, List<String>> undoKeys = [:]

    static final Map<String, String> DEPLOY_KEYS = [
            host: 'string', hosts: 'hosts', version: 'string', previousVersion: 'string', batch: 'batch', canary: 'boolean',
            pauseBetween: 'duration', rollbackOnFailure: 'boolean', hostVars: 'hostVars', preflight: 'map', sync: 'map',
            backend: 'map', frontend: 'map', proxy: 'routes', verify: 'map', magicLink: 'map']
    static final Map<String, String> VERIFY_KEYS = [host: 'string', hosts: 'hosts', hostVars: 'hostVars', verify: 'map', magicLink: 'map']

    static ReleasePlan deployRelease(Map args, MapCheck check) {
        ReleasePlan plan = new ReleasePlan()
        plan.template = 'deployRelease'
        check.keys('', args, DEPLOY_KEYS, [])
        plan.read(args, check, true)
        boolean any = false
        for (List<String> phase : PHASES) {
            if (args.get(phase.get(1)) != null) {
                any = true
            }
        }
        if (!any) {
            check.fail('', 'preflight', 'or another phase (sync, backend, frontend, proxy, verify, magicLink) must be given: there is nothing to do')
        }
        plan.batches = batches(plan.hosts, args.get('batch') == null ? 1 : args.get('batch'), args.get('canary') == true)
        plan.version = args.get('version') == null ? null : args.get('version').toString()
        plan.previousVersion = args.get('previousVersion') == null ? null : args.get('previousVersion').toString()
        plan.rollbackOnFailure = args.get('rollbackOnFailure') == true
        plan.canary = args.get('canary') == true && plan.hosts.size() > 1
        plan.pauseSeconds = args.get('pauseBetween') == null ? 0 : seconds(args.get('pauseBetween').toString())
        plan.undoKeys.put('backend', check.parameters('composeRollback'))
        plan.undoKeys.put('frontend', check.parameters('composeRollback'))
        plan.undoKeys.put('proxy', check.parameters('nginxRoute'))
        return plan
    }

    static ReleasePlan verifyRelease(Map args, MapCheck check) {
        ReleasePlan plan = new ReleasePlan()
        plan.template = 'verifyRelease'
        check.keys('', args, VERIFY_KEYS, [])
        if (args.get('verify') == null && args.get('magicLink') == null) {
            check.fail('', 'verify', 'or magicLink is required: there is nothing to check')
        }
        plan.read(args, check, false)
        plan.batches = [plan.hosts]
        return plan
    }

    private void read(Map args, MapCheck check, boolean hostsRequired) {
        if (args.get('host') != null && args.get('hosts') != null) {
            check.fail('', 'host', "and hosts are both given: use hosts: ['a', 'b'] for several")
        }
        if (args.get('hosts') != null) {
            for (Object h : (List) args.get('hosts')) {
                if (hosts.contains(h.toString())) {
                    check.fail('', 'hosts', "names '" + h + "' twice")
                }
                hosts.add(h.toString())
            }
        } else if (args.get('host') != null) {
            hosts.add(args.get('host').toString())
        } else if (hostsRequired) {
            check.fail('', 'hosts', "is required: the hosts to release to, such as hosts: ['web-1', 'web-2'] (or host: 'web-1')")
        }
        Map hostVars = args.get('hostVars') == null ? [:] : (Map) args.get('hostVars')
        for (Object h : hostVars.keySet()) {
            if (!hosts.contains(h.toString())) {
                check.fail('hostVars', h.toString(), 'is not one of the hosts (' + hosts.join(', ') + ')')
            }
        }
        Map<String, Object> phases = [:]
        for (List<String> phase : PHASES) {
            Object value = args.get(phase.get(1))
            if (value == null) {
                continue
            }
            List<String> reserved = new ArrayList<String>(RESERVED)
            if (SSH_STEPS.contains(phase.get(2))) {
                reserved.add('host')
            }
            if (phase.get(1) == 'proxy') {
                List routes = value instanceof Map ? [value] : value instanceof List ? (List) value : null
                if (routes == null || routes.isEmpty()) {
                    check.fail('', 'proxy', 'must be a map of nginxRoute parameters or a list of them, not ' + MapCheck.describe(value))
                }
                for (int i = 0; i < routes.size(); i++) {
                    check.phase('proxy[' + i + ']', routes.get(i), phase.get(2), reserved)
                }
                phases.put('proxy', routes)
            } else {
                check.phase(phase.get(1), value, phase.get(2), reserved)
                phases.put(phase.get(1), value)
            }
        }
        List<String> targets = hosts.isEmpty() ? [''] : hosts
        for (String host : targets) {
            Map<String, Object> vars = [host: host]
            Object own = hostVars.get(host)
            if (own != null) {
                for (Object k : ((Map) own).keySet()) {
                    if (!(k.toString() ==~ /[A-Za-z_][A-Za-z0-9_]*/) || k.toString() == 'host') {
                        check.fail('hostVars.' + host, k.toString(), 'cannot be a placeholder name: use letters, digits and _ (host is set already)')
                    }
                    vars.put(k.toString(), ((Map) own).get(k))
                }
            }
            Map<String, Object> mine = [:]
            for (List<String> phase : PHASES) {
                Object value = phases.get(phase.get(1))
                if (value == null) {
                    continue
                }
                if (phase.get(1) == 'proxy') {
                    List<Map> routes = []
                    List given = (List) value
                    for (int i = 0; i < given.size(); i++) {
                        routes.add(stepParams((Map) given.get(i), 'proxy[' + i + ']', phase.get(2), host, vars))
                    }
                    mine.put('proxy', routes)
                } else {
                    mine.put(phase.get(1), stepParams((Map) value, phase.get(1), phase.get(2), host, vars))
                }
            }
            params.put(host, mine)
        }
    }

    private Map stepParams(Map given, String where, String step, String host, Map vars) {
        Map out = (Map) fill(given, where, vars)
        if (SSH_STEPS.contains(step)) {
            out.put('host', host)
        }
        // The template publishes every report itself, once, whatever happens.
        out.put('archive', false)
        out.put('reportName', reportName(where.replace('[', '-').replace(']', ''), host))
        return out
    }

    /** Every string with its placeholders filled in for one host; {name} a host lacks is refused, naming the key. */
    private Object fill(Object value, String where, Map vars) {
        if (value instanceof CharSequence) {
            String text = value.toString()
            StringBuilder out = new StringBuilder()
            int i = 0
            while (i < text.length()) {
                int open = text.indexOf('{', i)
                int close = open < 0 ? -1 : text.indexOf('}', open)
                if (close < 0) {
                    out.append(text.substring(i))
                    break
                }
                String name = text.substring(open + 1, close)
                // ${email} belongs to the step (magicLinkAuthCheck fills it in), not to the template.
                boolean stepsOwn = open > 0 && text.charAt(open - 1) == ('$' as char)
                if (!stepsOwn && name ==~ /[A-Za-z_][A-Za-z0-9_]*/) {
                    if (!vars.containsKey(name)) {
                        String host = vars.get('host')
                        throw new IllegalArgumentException(template + ': ' + where + " uses {" + name + "}, which "
                                + (host ? "hostVars does not set for host '" + host + "'" : 'is not set (no hosts are given)'))
                    }
                    out.append(text.substring(i, open)).append(vars.get(name).toString())
                } else {
                    out.append(text.substring(i, close + 1))
                }
                i = close + 1
            }
            return out.toString()
        }
        if (value instanceof Map) {
            Map out = new LinkedHashMap()
            for (Object k : ((Map) value).keySet()) {
                out.put(k.toString(), fill(((Map) value).get(k), where + '.' + k, vars))
            }
            return out
        }
        if (value instanceof List) {
            List out = []
            List items = (List) value
            for (int i = 0; i < items.size(); i++) {
                out.add(fill(items.get(i), where + '[' + i + ']', vars))
            }
            return out
        }
        return value
    }

    /** The canary alone first (when asked), then batches of {@code batch} hosts, or of that percentage rounded up. */
    static List<List<String>> batches(List<String> hosts, Object batch, boolean canary) {
        List<List<String>> out = []
        List<String> rest = new ArrayList<String>(hosts)
        if (canary && rest.size() > 1) {
            out.add([rest.remove(0)])
        }
        int size
        if (batch instanceof Number) {
            size = ((Number) batch).intValue()
        } else {
            int percent = Integer.parseInt(batch.toString().replace('%', ''))
            size = (int) Math.ceil(hosts.size() * percent / 100.0d)
        }
        size = Math.max(1, size)
        List<String> current = []
        for (String h : rest) {
            current.add(h)
            if (current.size() == size) {
                out.add(current)
                current = []
            }
        }
        if (!current.isEmpty()) {
            out.add(current)
        }
        return out
    }

    static long seconds(String duration) {
        if (duration.endsWith('ms')) {
            return (long) Math.ceil(Long.parseLong(duration.substring(0, duration.length() - 2)) / 1000.0d)
        }
        long n = Long.parseLong(duration.substring(0, duration.length() - 1))
        switch (duration.substring(duration.length() - 1)) {
            case 'h': return n * 3600
            case 'm': return n * 60
            default: return n
        }
    }

    /** A report name for a step on a host: letters, digits, '.', '-' and '_' only, as the steps require. */
    static String reportName(String... parts) {
        List<String> clean = []
        for (String p : parts) {
            if (p) {
                clean.add(p)
            }
        }
        String name = clean.join('-').replaceAll('[^A-Za-z0-9._-]', '-')
        return name.length() > 100 ? name.substring(0, 100) : name
    }
}
