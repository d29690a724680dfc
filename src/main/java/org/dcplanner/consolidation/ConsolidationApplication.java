package org.dcplanner.consolidation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the data-center consolidation planner service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsolidationApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConsolidationApplication.class, args);
    }
}
