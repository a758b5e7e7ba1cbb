package org.forumledger.web.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The passwords of the local users, from the same variables the services read, so one password
 * signs a person in here and at every service.
 */
@ConfigurationProperties("ledger.security")
public record LocalUsers(String registrarPassword, String auditorPassword, String viewerPassword) {}
