package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.nginx.RouteVerify;
import java.io.Serializable;

/**
 * A compose service the host's nginx proxies to, for a blue-green deploy.
 *
 * @param port the container port nginx reaches through the service's published port; null: the service's only one
 * @param site the nginx site file whose {@code proxy_pass} lines point at that published port
 * @param location null: every location of the site that proxies to the port; else only this one
 * @param verify null: no probe through nginx after each switch
 */
public record RoutedService(String service, Integer port, String site, String location, RouteVerify verify) implements Serializable {}
