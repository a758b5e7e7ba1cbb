package org.forumledger.cost;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Yearly costs and projections of the forums, from the registry's events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CostServiceApplication {

  /** Several services may start in one JVM, so each reads its own configuration file. */
  public static final String CONFIG_NAME = "spring.config.name=cost-service";

  public static void main(String[] args) {
    new SpringApplicationBuilder(CostServiceApplication.class).properties(CONFIG_NAME).run(args);
  }
}
