package io.jenkins.plugins.deploysteps.engine.nginx;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each input may contain. Everything that reaches the site file is checked against a short list of
 * characters that cannot end a word, a quoted string, a directive or a block in nginx's syntax, start a comment,
 * escape, or expand a variable: no braces, semicolons, quotes, backslashes, {@code #}, {@code $} (outside the vetted
 * variables), blanks or line breaks of any kind (Unicode line separators included), and a length limit.
 */
final class RouteRules {
    static final int MAX_PATH = 512;
    static final int MAX_LOCATION = 200;
    static final int MAX_URL = 512;
    static final int MAX_HEADER_VALUE = 256;
    static final int MAX_COMMAND = 512;

    /** A location path or an upstream URL's path: URL path characters without quotes, ';', '$', '#' or '\'. */
    static final Pattern URL_PATH = Pattern.compile("/[A-Za-z0-9._~/+,=:@!*%-]*");
    static final Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]");
    static final Pattern UPSTREAM = Pattern.compile("(https?)://(\\[[^]/]*]|[^:/]*)(?::(\\d{1,5}))?(/.*)?");
    /** server_name values: host names, wildcards ({@code *.example.com}) and nginx's catch-all {@code _}. */
    static final Pattern SERVER_NAME = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9*_]([A-Za-z0-9*_.-]*)");
    static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    /** A literal header value, written in double quotes: none of '"', '\', '$', ';', '{', '}', '#', control characters. */
    static final Pattern HEADER_LITERAL = Pattern.compile("[A-Za-z0-9 ._:/=,+@()!*~?&%-]*");
    /** A remote file path (it reaches scripts only as "$1", but it is also named in reports, locks and backups). */
    static final Pattern FILE_PATH = Pattern.compile("/[A-Za-z0-9._/+@,=-]*");
    /** One word of a test or reload command: no shell syntax at all, so the words can be passed as an argument vector. */
    static final Pattern COMMAND_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    /** The nginx variables a header may be set to: those a reverse proxy passes on, and nothing that runs code. */
    static final Set<String> VARIABLES = Set.of("$host", "$http_host", "$remote_addr", "$proxy_add_x_forwarded_for", "$scheme",
            "$server_name", "$server_port", "$request_id", "$proxy_host", "$http_upgrade", "$realip_remote_addr");

    /** The proxy headers every route sets unless {@code headers} says otherwise. */
    static final List<ProxyHeader> DEFAULT_HEADERS = List.of(new ProxyHeader("Host", "$host"), new ProxyHeader("X-Real-IP", "$remote_addr"),
            new ProxyHeader("X-Forwarded-For", "$proxy_add_x_forwarded_for"), new ProxyHeader("X-Forwarded-Proto", "$scheme"));

    /** Headers websocket: true sets itself. */
    static final Set<String> WEBSOCKET_HEADERS = Set.of("upgrade", "connection");

    private RouteRules() {}

    /** Why {@code value} is not allowed (null when it is), in words that say what to change. */
    static String lengthProblem(String value, int max) {
        return value.length() > max ? "is " + value.length() + " characters long; at most " + max + " are allowed" : null;
    }

    /** A short description of the first character {@code allowed} does not match, for messages. */
    static String firstBad(String value, Pattern allowedChars) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (!allowedChars.matcher(ch).matches()) {
                return describe(cp);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    static String describe(int cp) {
        return switch (cp) {
            case '\n' -> "a line break";
            case '\r' -> "a carriage return";
            case '\t' -> "a tab";
            case ' ' -> "a blank";
            case 0x2028, 0x2029, 0x85 -> "a Unicode line separator (U+" + String.format(Locale.ROOT, "%04X", cp) + ")";
            default -> Character.isISOControl(cp) || !Character.isDefined(cp) || cp > 0x7e
                    ? "the character U+" + String.format(Locale.ROOT, "%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
        };
    }
}
