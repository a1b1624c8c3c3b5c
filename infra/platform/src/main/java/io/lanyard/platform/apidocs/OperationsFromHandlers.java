package io.lanyard.platform.apidocs;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.security.Caller;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Reads each operation off its handler method, so controllers need no documentation annotations: the method's name
 * is the operation id (name handlers {@code verbResource}, unique in the service), a creation (a POST answering a
 * {@code ResponseEntity} with a body, built by {@code ResponseEntity.created}) documents 201 with its
 * {@code Location}, a {@code ResponseEntity<Void>} documents 204, a handler annotated {@code @ResponseStatus} the
 * status it names (202 for work accepted), and the parameters say which problems the request
 * can meet: 400 for anything it sends, 404 for a path naming something, 403 where the caller is checked, 409 and 422
 * where a refusal can be thrown.
 */
class OperationsFromHandlers implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Method method = handler.getMethod();
        operation.setOperationId(method.getName());
        operation.setSummary(summary(method.getName()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Type returned = method.getGenericReturnType();
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
        if (declared != null && declared.code() != HttpStatus.OK) {
            // a handler that says its status (202 for work accepted, not done) answers with that, and no body
            responses.remove("200");
            responses.addApiResponse(String.valueOf(declared.code().value()),
                    new ApiResponse().description(declared.code().getReasonPhrase()));
        } else if (returnsEmptyEntity(returned)) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("No Content"));
        } else if (isCreation(method, returned)) {
            ApiResponse ok = responses.remove("200");
            ApiResponse created = ok == null ? new ApiResponse() : ok;
            created.description("Created");
            created.addHeaderObject("Location", new Header().description("the created resource")
                    .required(true).schema(new StringSchema().format("uri-reference")));
            responses.addApiResponse("201", created);
        }
        for (int status : problems(method)) {
            responses.addApiResponse(String.valueOf(status), ProblemsInOpenApi.problemResponse(status));
        }
        return operation;
    }

    private static int[] problems(Method method) {
        boolean sends = Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(RequestBody.class)
                || p.isAnnotationPresent(RequestParam.class) || p.isAnnotationPresent(RequestHeader.class)
                || p.isAnnotationPresent(PathVariable.class));
        boolean names = Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(PathVariable.class));
        boolean checksCaller = Arrays.stream(method.getParameterTypes()).anyMatch(Caller.class::equals)
                || AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getDeclaringClass(), PreAuthorize.class);
        boolean refuses = Arrays.stream(method.getExceptionTypes()).anyMatch(Refusal.class::isAssignableFrom);
        return IntStream.of(sends ? 400 : 0, checksCaller ? 403 : 0, names ? 404 : 0,
                refuses ? 409 : 0, refuses ? 422 : 0).filter(s -> s != 0).toArray();
    }

    private static boolean returnsEmptyEntity(Type returned) {
        return returned instanceof ParameterizedType p && p.getRawType() == ResponseEntity.class
                && p.getActualTypeArguments()[0] == Void.class;
    }

    private static boolean isCreation(Method method, Type returned) {
        return AnnotatedElementUtils.hasAnnotation(method, PostMapping.class)
                && returned instanceof ParameterizedType p && p.getRawType() == ResponseEntity.class;
    }

    /** {@code requestDinnerTicket} reads "Request dinner ticket". */
    static String summary(String methodName) {
        String words = methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
