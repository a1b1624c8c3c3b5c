package io.lanyard.platform.apidocs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.web.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * Makes each service's OpenAPI document say how it refuses: a {@code Problem} schema (RFC 9457 with Lanyard's
 * {@code urn:lanyard:problem:<slug>} types), every slug with its status in the description and in the
 * {@code x-problem-slugs} extension, and a {@code default} problem response on every operation; and how it is
 * reached: bearer-JWT on every operation but the open ones (API docs, development tokens), tags by resource,
 * {@code info} and servers from {@link ApiDocsProperties}.
 */
class ProblemsInOpenApi implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";
    static final String SLUGS_EXTENSION = "x-problem-slugs";
    private static final String PROBLEM_JSON = "application/problem+json";

    static final String BEARER = "bearerJwt";
    private static final List<String> OPEN_PATHS = List.of("/dev/", "/v3/api-docs", "/actuator", "/swagger-ui");
    private static final Set<String> NOT_RESOURCES = Set.of("conferences", "admin", "dev");

    private final String service;
    private final ApiDocsProperties properties;

    ProblemsInOpenApi(String service, ApiDocsProperties properties) {
        this.service = service;
        this.properties = properties;
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
        info.version(properties.version());
        info.contact(new Contact().name(properties.contactName()).url(properties.contactUrl()));
        // generators validate 3.1's licence as needing an identifier or a URL
        info.license(new License().name(properties.licenseName()).url(properties.licenseUrl())
                .identifier(properties.licenseUrl() == null ? properties.licenseIdentifier() : null));
        openApi.info(info);
        if (!properties.servers().isEmpty()) {
            openApi.servers(properties.servers().stream().map(url -> new Server().url(url)).toList());
        }

        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSchemas(SCHEMA, problemSchema(slugs));
        components.addExtension(SLUGS_EXTENSION, slugs);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("a token from the identity provider (in development: POST /dev/tokens)"));
        openApi.components(components);

        if (openApi.getPaths() != null) {
            ApiResponse problem = new ApiResponse().description("a problem: one of the slugs in x-problem-slugs")
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
            openApi.getPaths().forEach((url, path) -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() == null) {
                    operation.responses(new ApiResponses());
                }
                if (OPEN_PATHS.stream().noneMatch(url::startsWith)) {
                    operation.security(List.of(new SecurityRequirement().addList(BEARER)));
                    operation.getResponses().addApiResponse("401", problemResponse(401));
                    // every secured request passes the per-caller rate limit (security/RateLimit)
                    operation.getResponses().addApiResponse("429", problemResponse(429).addHeaderObject("Retry-After",
                            new Header().description("seconds until a retry may pass")
                                    .schema(new IntegerSchema())));
                    // a database away, or a full queue in front of a hot item (axon/GroupCommitCommandBus)
                    operation.getResponses().addApiResponse("503", problemResponse(503).addHeaderObject("Retry-After",
                            new Header().description("seconds until a retry may pass, when the queue in front of the "
                                    + "item asked for was full").schema(new IntegerSchema())));
                } else {
                    // said outright, so that a generator does not assume a default
                    operation.security(List.of());
                }
                operation.tags(List.of(resource(url)));
                sortResponses(operation);
                if (!operation.getResponses().containsKey("default")) {
                    operation.getResponses().addApiResponse("default", problem);
                }
            }));
        }
    }

    /** A problem answer with the given status, listing the catalogue's slugs that have it. */
    static ApiResponse problemResponse(int status) {
        String slugs = slugsWithStatus().entrySet().stream().filter(e -> e.getValue() == status)
                .map(Map.Entry::getKey).collect(Collectors.joining(", "));
        return new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase() + ": " + slugs)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }

    /** The resource a path is about: its first segment that names a collection, "conferences" if none does. */
    static String resource(String url) {
        return Arrays.stream(url.split("/"))
                .filter(segment -> !segment.isEmpty() && !segment.startsWith("{") && !NOT_RESOURCES.contains(segment))
                .findFirst().orElse(url.startsWith("/dev/") ? "dev-tokens" : "conferences");
    }

    private static void sortResponses(io.swagger.v3.oas.models.Operation operation) {
        ApiResponses sorted = new ApiResponses();
        operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        operation.responses(sorted);
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
