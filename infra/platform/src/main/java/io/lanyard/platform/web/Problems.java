package io.lanyard.platform.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details with Lanyard's {@code urn:lanyard:problem:<slug>} types. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:lanyard:problem:" + slug));
        problem.setTitle(title(slug));
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String slug, String detail,
                                                         Map<String, Object> properties) {
        ProblemDetail problem = problem(status, slug, detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(problem);
    }

    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
