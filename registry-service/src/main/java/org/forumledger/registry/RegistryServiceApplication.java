package org.forumledger.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistryServiceApplication {

  /** The configuration file is {@code registry-service.yml}, so services can share one JVM. */
  public static final String CONFIG_NAME = "spring.config.name=registry-service";

  public static void main(String[] args) {
    new SpringApplicationBuilder(RegistryServiceApplication.class).properties(CONFIG_NAME).run(args);
  }
}
