package io.lanyard.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.lanyard.platform.axon.AggregateBusyException;
import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;
import jakarta.validation.ConstraintViolationException;

/** The one place where exceptions become problem+json answers, chosen by exception type. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        String fields = String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList());
        return Problems.response(ProblemSlug.VALIDATION_FAILED, "invalid fields: " + fields,
                Map.of("errors", errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        err instanceof FieldError f ? f.getField() : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage())))
                .toList();
        return Problems.response(ProblemSlug.VALIDATION_FAILED, "invalid request parameters",
                Map.of("errors", errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return Problems.response(ProblemSlug.VALIDATION_FAILED, "invalid request parameters",
                Map.of("errors", errors));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return Problems.response(ProblemSlug.VALIDATION_FAILED, e.getMessage(),
                Map.of("errors", List.of(new FieldProblem(e.field(), e.getMessage()))));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> malformed(Exception e) {
        return Problems.response(ProblemSlug.MALFORMED_REQUEST,
                "the request could not be read: " + rootMessage(e), Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return Problems.response(ProblemSlug.NOT_FOUND, "no such " + e.getName(), Map.of());
        }
        return Problems.response(ProblemSlug.VALIDATION_FAILED, e.getName() + " is not valid",
                Map.of("errors", List.of(new FieldProblem(e.getName(), "is not valid"))));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
        return Problems.response(ProblemSlug.NOT_FOUND, "no such resource", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(ProblemSlug.METHOD_NOT_ALLOWED, e.getMessage(), Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(ProblemSlug.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.response(ProblemSlug.NOT_ACCEPTABLE, e.getMessage(), Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return Problems.response(ProblemSlug.FORBIDDEN, "you may not do this", Map.of());
    }

    /** Refusals and lookups arrive wrapped by the command gateway; the type found in the cause chain decides. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refusal refusal) {
                return Problems.response(refusal.slug(), refusal.getMessage(), refusal.properties());
            }
            if (t instanceof NotFoundException || t instanceof AggregateNotFoundException) {
                return Problems.response(ProblemSlug.NOT_FOUND, t.getMessage(), Map.of());
            }
            if (t instanceof ForbiddenException) {
                return Problems.response(ProblemSlug.FORBIDDEN, t.getMessage(), Map.of());
            }
            if (t instanceof AggregateBusyException busy) {
                return busy(busy);
            }
            if (t instanceof InvalidRequestException invalid) {
                return invalidRequest(invalid);
            }
            if (t instanceof DataIntegrityViolationException) {
                // the database's own constraints caught input no validation rule described
                log.warn("Input broke a database constraint: {}", t.getMessage());
                return Problems.response(ProblemSlug.VALIDATION_FAILED,
                        "the request breaks a constraint of the stored data", Map.of());
            }
            if (isUnavailable(t) && poolExhaustedWithin(t)) {
                log.warn("Answering 503, every database connection stayed busy: {}", t.getMessage());
                return Problems.response(ProblemSlug.SERVICE_UNAVAILABLE,
                        "the service is too busy to take this request; try again shortly", Map.of());
            }
            if (isUnavailable(t)) {
                log.warn("Answering 503, a dependency is unavailable: {}", t.toString());
                return Problems.response(ProblemSlug.SERVICE_UNAVAILABLE,
                        "the service cannot reach its database right now; try again shortly", Map.of());
            }
        }
        log.error("Unexpected failure", e);
        return Problems.response(ProblemSlug.INTERNAL_ERROR,
                "something went wrong on our side", Map.of());
    }

    /** Admission to a hot aggregate's queue refused: come back after the pause it names, in whole seconds. */
    private static ResponseEntity<ProblemDetail> busy(AggregateBusyException busy) {
        ResponseEntity<ProblemDetail> problem = Problems.response(ProblemSlug.SERVICE_UNAVAILABLE, busy.getMessage(),
                Map.of());
        long seconds = Math.max(1, (busy.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem.getBody());
    }

    /**
     * Hikari timed out waiting for a connection while the database was reachable: it names the last connection
     * failure as the cause when there was one, so no cause means every connection was busy (overload, not outage).
     */
    private static boolean isPoolExhausted(Throwable t) {
        return t instanceof SQLTransientConnectionException && t.getCause() == null;
    }

    /** Hikari's timeout, or Spring's failure to begin a transaction because of it, found along the cause chain. */
    private static boolean poolExhaustedWithin(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (isPoolExhausted(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The database is down or out of connections: nothing the caller did, and worth a retry later. */
    private static boolean isUnavailable(Throwable t) {
        return t instanceof DataAccessResourceFailureException
                || t instanceof CannotCreateTransactionException
                || t instanceof TransientDataAccessResourceException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
