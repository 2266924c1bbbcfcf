package io.jenkins.plugins.deploysteps.library

/**
 * JSON text of plain data (maps, lists, strings, numbers, booleans, null), for the files a template writes. Written
 * here because the Pipeline's JSON steps come from another plugin the templates should not need. Plain loops, as the
 * Pipeline's CPS transform wants them.
 */
class JsonText implements Serializable {
    private static final long serialVersionUID = 1L

    /** Maps one key a line, indented, so a person can read the file; lists on one line. */
    static String of(Object value) {
        return indented(value, '')
    }

    private static String indented(Object value, String indent) {
        if (value == null) {
            return 'null'
        }
        if (value instanceof Map) {
            Map map = (Map) value
            if (map.isEmpty()) {
                return '{}'
            }
            List<String> entries = []
            for (Object key : map.keySet()) {
                entries.add(indent + '  ' + quote(key.toString()) + ': ' + indented(map.get(key), indent + '  '))
            }
            return '{\n' + entries.join(',\n') + '\n' + indent + '}'
        }
        if (value instanceof Collection) {
            List<String> items = []
            for (Object item : (Collection) value) {
                items.add(indented(item, indent))
            }
            return '[' + items.join(', ') + ']'
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString()
        }
        return quote(value.toString())
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder('"')
        for (int i = 0; i < text.length(); i++) {
            int c = (int) text.charAt(i)
            if (c == 34 || c == 92) {
                // " and \
                out.append('\\').append((char) c)
            } else if (c < 32) {
                // Control characters (a multi-line message's newlines) as \\u escapes.
                out.append(String.format('\\u%04x', c))
            } else {
                out.append((char) c)
            }
        }
        return out.append('"').toString()
    }
}
