package io.lanyard.platform.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Refuses request bodies over the limit (1 MiB by default) with 413 before anything reads them. */
public class RequestSizeLimit extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final long maxBytes;

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            // a chunked body cannot be measured up front; clients of this API always send a length
            HttpStatus status = chunked ? HttpStatus.LENGTH_REQUIRED : HttpStatus.CONTENT_TOO_LARGE;
            String slug = chunked ? "length-required" : "payload-too-large";
            String detail = chunked ? "send the body with a Content-Length"
                    : "request bodies are limited to " + maxBytes + " bytes";
            var problem = Problems.problem(status, slug, detail);
            response.setStatus(status.value());
            response.setContentType(Problems.PROBLEM_JSON.toString());
            JSON.writeValue(response.getOutputStream(), Map.of("type", problem.getType().toString(),
                    "title", problem.getTitle(), "status", status.value(), "detail", detail));
            return;
        }
        chain.doFilter(request, response);
    }
}
