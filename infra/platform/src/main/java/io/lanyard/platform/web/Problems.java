package io.lanyard.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import io.lanyard.platform.problems.ProblemSlug;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details with Lanyard's {@code urn:lanyard:problem:<slug>} types, always from an entry of the
 * {@link ProblemSlug} catalogue; the entry's kind decides the HTTP status, here and nowhere else.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static HttpStatus status(ProblemSlug slug) {
        return switch (slug.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case CONFLICT -> HttpStatus.CONFLICT;
            case LENGTH_REQUIRED -> HttpStatus.LENGTH_REQUIRED;
            case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static ProblemDetail problem(ProblemSlug slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(slug), detail);
        problem.setType(URI.create("urn:lanyard:problem:" + slug.slug()));
        problem.setTitle(title(slug));
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemSlug slug, String detail,
                                                         Map<String, Object> properties) {
        ProblemDetail problem = problem(slug, detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status(slug)).contentType(PROBLEM_JSON).body(problem);
    }

    /** For filters that answer before Spring MVC (and its message converters) is reached. */
    public static void write(HttpServletResponse response, ProblemSlug slug, String detail) throws IOException {
        HttpStatus status = status(slug);
        ProblemDetail problem = problem(slug, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static String title(ProblemSlug slug) {
        String words = slug.slug().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
