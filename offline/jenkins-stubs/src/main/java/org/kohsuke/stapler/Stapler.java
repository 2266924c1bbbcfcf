package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServlet;

/** Signature stub of stapler (org.kohsuke.stapler:stapler); compile only. */
public class Stapler extends HttpServlet {
    public static StaplerRequest2 getCurrentRequest2() {
        throw new UnsupportedOperationException();
    }
}
