package org.forumledger.reporting.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Passwords of the three built-in users; a blank one is generated at start. */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(
    String registrarPassword, String auditorPassword, String viewerPassword) {}
