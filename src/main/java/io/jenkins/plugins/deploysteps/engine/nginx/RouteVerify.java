package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * The probe after a reload: {@code url} must answer with a status in {@code expect} within {@code timeout}. nginx
 * reloads in the background (the reload command returns when the signal is sent), so the probe asks again until
 * the new configuration answers or the time is up.
 */
public record RouteVerify(URI url, StatusExpectation expect, Duration timeout) implements Serializable {}
