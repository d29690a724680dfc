package org.dcplanner.consolidation.virtualization;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the overhead model: defaults from {@link OverheadParameters#defaults()} with any
 * {@code app.overhead.<path>=<value>} property applied on top (e.g. {@code app.overhead.full.privileged-cpu-factor=5}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OverheadConfiguration.OverheadProperties.class)
class OverheadConfiguration {

    /** Overrides of the §4 defaults, keyed by dotted parameter path. */
    @ConfigurationProperties("app")
    record OverheadProperties(Map<String, String> overhead) {}

    @Bean
    VirtualizationOverheadModel overheadModel(OverheadProperties properties) {
        Map<String, String> overrides = properties.overhead() == null ? Map.of() : properties.overhead();
        return new VirtualizationOverheadModel(OverheadParameters.defaults().withOverrides(overrides));
    }
}
