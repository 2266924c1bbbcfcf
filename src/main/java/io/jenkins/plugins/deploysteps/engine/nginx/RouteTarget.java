package io.jenkins.plugins.deploysteps.engine.nginx;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which route on which host: the site file, the server block in it, the location, and whether it should be there.
 *
 * @param serverName null: the file's only server block
 */
public record RouteTarget(String host, String site, String serverName, String location, boolean present) implements Serializable {

    /**
     * A name for this site file that is safe as one path segment and differs for every path: the path's characters
     * with {@code /} as {@code _}, and a hash of the whole path so {@code /a_b} and {@code /a/b} never share a lock.
     */
    public String siteKey() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(site.getBytes(StandardCharsets.UTF_8));
            String name = site.substring(1).replaceAll("[^A-Za-z0-9._-]", "_");
            return name + "-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The lock that serializes runs on this site file. It lives in /tmp, never beside the site: nginx includes every
     * file of a directory such as sites-enabled ({@code include sites-enabled/*}), and a lock directory there would be
     * read as configuration by the very {@code nginx -t} the step runs.
     */
    public String lockPath() {
        return "/tmp/deploy-steps-nginx-" + siteKey() + ".lock";
    }

    public String describe() {
        return "location " + location + " in " + site + (serverName == null ? "" : " (server " + serverName + ")");
    }
}
