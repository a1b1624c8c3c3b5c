package io.lanyard.platform.apidocs;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Each service's OpenAPI document ({@code GET /v3/api-docs}, springdoc) with Lanyard's problem details in it. */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsConfiguration {

    @Bean
    OpenApiCustomizer problemsInOpenApi(@Value("${spring.application.name:lanyard}") String service) {
        return new ProblemsInOpenApi(service);
    }
}
