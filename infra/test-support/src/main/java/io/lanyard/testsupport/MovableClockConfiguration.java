package io.lanyard.testsupport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.lanyard.platform.PlatformConfiguration;

/** Every service context started with test-support on the class path gets the {@link MovableClock}; the platform's steps aside. */
@AutoConfiguration(before = PlatformConfiguration.class)
public class MovableClockConfiguration {

    @Bean
    MovableClock movableClock() {
        return new MovableClock();
    }
}
