package io.lanyard.platform.web;

import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

import io.lanyard.platform.problems.ProblemSlug;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Refuses request bodies over the limit (1 MiB by default) with 413 before anything reads them. */
public class RequestSizeLimit extends OncePerRequestFilter {

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
            Problems.write(response, chunked ? ProblemSlug.LENGTH_REQUIRED : ProblemSlug.PAYLOAD_TOO_LARGE,
                    chunked ? "send the body with a Content-Length" : "request bodies are limited to " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
