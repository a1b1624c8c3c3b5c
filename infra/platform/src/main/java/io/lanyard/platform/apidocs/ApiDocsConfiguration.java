package io.lanyard.platform.apidocs;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.lanyard.platform.security.Caller;

/**
 * Each service's OpenAPI document ({@code GET /v3/api-docs}, springdoc) as a client generator needs it: bearer
 * security, the caller resolved from the token rather than asked for, real statuses, ids and tags, and Lanyard's
 * problem details. Written once here so that no controller carries documentation annotations.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsConfiguration {

    static {
        // resolved from the bearer token by CallerArgumentResolver, never sent by a client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OperationCustomizer operationsFromHandlers() {
        return new OperationsFromHandlers();
    }

    @Bean
    OpenApiCustomizer problemsInOpenApi(@Value("${spring.application.name:lanyard}") String service,
                                        ApiDocsProperties properties) {
        return new ProblemsInOpenApi(service, properties);
    }
}
