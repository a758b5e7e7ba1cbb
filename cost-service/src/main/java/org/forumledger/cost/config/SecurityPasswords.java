package org.forumledger.cost.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The three users' passwords, from LEDGER_REGISTRAR_PASSWORD, LEDGER_AUDITOR_PASSWORD,
 * LEDGER_VIEWER_PASSWORD.
 */
@ConfigurationProperties("ledger.security")
public record SecurityPasswords(
    String registrarPassword, String auditorPassword, String viewerPassword) {}
