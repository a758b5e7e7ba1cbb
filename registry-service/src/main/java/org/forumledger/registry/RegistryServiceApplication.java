package org.forumledger.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistryServiceApplication {

  /** The configuration file is {@code registry-service.yml}, so services can share one JVM. */
  public static final String CONFIG_NAME = "spring.config.name=registry-service";

  private static final String AXON_UPDATE_CHECKER = "axoniq.update-checker.disabled";

  public static void main(String[] args) {
    disableAxonUpdateChecker();
    new SpringApplicationBuilder(RegistryServiceApplication.class)
        .properties(CONFIG_NAME)
        .run(args);
  }

  /** Axon's update checker would call a host on the internet at run time; the ledger never does. */
  public static void disableAxonUpdateChecker() {
    if (System.getProperty(AXON_UPDATE_CHECKER) == null) {
      System.setProperty(AXON_UPDATE_CHECKER, "true");
    }
  }
}
