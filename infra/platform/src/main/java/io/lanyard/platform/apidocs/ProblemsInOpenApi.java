package io.lanyard.platform.apidocs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.web.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Makes each service's OpenAPI document say how it refuses: a {@code Problem} schema (RFC 9457 with Lanyard's
 * {@code urn:lanyard:problem:<slug>} types), every slug with its status in the description and in the
 * {@code x-problem-slugs} extension, and a {@code default} problem response on every operation.
 */
class ProblemsInOpenApi implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";
    static final String SLUGS_EXTENSION = "x-problem-slugs";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final String service;

    ProblemsInOpenApi(String service) {
        this.service = service;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Integer> slugs = slugsWithStatus();

        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        info.title("Lanyard " + service);
        info.description("Errors are application/problem+json (RFC 9457) with type urn:lanyard:problem:<slug>. Slugs: "
                + slugs.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(Collectors.joining(", "))
                + ".");
        info.addExtension(SLUGS_EXTENSION, slugs);
        openApi.info(info);

        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSchemas(SCHEMA, problemSchema(slugs));
        components.addExtension(SLUGS_EXTENSION, slugs);
        openApi.components(components);

        if (openApi.getPaths() != null) {
            ApiResponse problem = new ApiResponse().description("a problem: one of the slugs in x-problem-slugs")
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() != null && !operation.getResponses().containsKey("default")) {
                    operation.getResponses().addApiResponse("default", problem);
                }
            }));
        }
    }

    /** Every entry of the catalogue with its status: contract slugs first, then the platform's. */
    static Map<String, Integer> slugsWithStatus() {
        Map<String, Integer> slugs = new LinkedHashMap<>();
        for (ProblemSlug.Origin origin : ProblemSlug.Origin.values()) {
            for (ProblemSlug slug : ProblemSlug.values()) {
                if (slug.origin() == origin) {
                    slugs.put(slug.slug(), Problems.status(slug).value());
                }
            }
        }
        return slugs;
    }

    private static Schema<?> problemSchema(Map<String, Integer> slugs) {
        StringSchema type = new StringSchema();
        type.format("uri");
        type.description("urn:lanyard:problem:<slug>");
        slugs.keySet().forEach(slug -> type.addEnumItem("urn:lanyard:problem:" + slug));
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema());
        field.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", type);
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(field).description("the fields of a validation-failed"));
        problem.addRequiredItem("type");
        problem.addRequiredItem("title");
        problem.addRequiredItem("status");
        return problem;
    }
}
