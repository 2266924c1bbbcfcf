package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/** Signature stub of stapler (org.kohsuke.stapler:stapler); compile only. */
public interface StaplerResponse2 extends HttpServletResponse {}
