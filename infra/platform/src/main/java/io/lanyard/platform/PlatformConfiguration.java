package io.lanyard.platform;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.IdGenerator;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.ids.StripedRandomIds;
import io.lanyard.platform.tracing.TraceContexts;
import io.lanyard.platform.web.NoNulCharacters;
import io.lanyard.platform.web.ProblemAdvice;
import io.lanyard.platform.web.RequestSizeLimit;

@AutoConfiguration
public class PlatformConfiguration {

    @Bean
    static DatabasePasswordRequired databasePasswordRequired(Environment environment) {
        return new DatabasePasswordRequired(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Random ids without every request thread queueing for {@code UUID.randomUUID()}'s one generator. */
    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return new StripedRandomIds();
    }

    @Bean
    Commands commands(CommandGateway gateway, TraceContexts traces) {
        return new Commands(gateway, traces);
    }

    /** Ahead of security, so an oversized body is refused before anything parses it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${lanyard.web.max-request-bytes:1048576}") long maxRequestBytes) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(maxRequestBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    NoNulCharacters noNulCharacters() {
        return new NoNulCharacters();
    }

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }
}
