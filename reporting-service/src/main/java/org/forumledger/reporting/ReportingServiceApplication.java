package org.forumledger.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ReportingServiceApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(ReportingServiceApplication.class)
        .properties("spring.config.name=reporting-service")
        .run(args);
  }
}
