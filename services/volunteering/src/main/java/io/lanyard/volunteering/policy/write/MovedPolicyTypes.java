package io.lanyard.volunteering.policy.write;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lanyard.platform.axon.MovedTypes;

/**
 * The volunteer policy's events written before this package existed are stored under
 * {@code io.lanyard.volunteering.policy}; they are read as the classes they are now.
 */
@Configuration(proxyBeanMethods = false)
class MovedPolicyTypes {

    @Bean
    MovedTypes policyStoredUnderOldNames() {
        return MovedTypes.of("io.lanyard.volunteering.policy", VolunteerPolicy.class, VolunteerPolicySet.class);
    }
}
