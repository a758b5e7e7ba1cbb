package org.forumledger.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The register in the browser: server-rendered pages in front of the registry, cost and reporting
 * services, which it calls over HTTP as the person signed in.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

  /** Its own configuration file, so it can share a JVM with the services (the local stack). */
  public static final String CONFIG_NAME = "spring.config.name=web-app";

  public static void main(String[] args) {
    new SpringApplicationBuilder(WebApplication.class).properties(CONFIG_NAME).run(args);
  }
}
