package org.sn1gateway.app.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Well-formed JSON of the wrong shape (a string where a number belongs, an object for a list) is invalid
 * input: 422 naming the field, like the validation errors. Malformed JSON is 400, as Dropwizard answers
 * for the parse errors it maps itself.
 */
public final class JsonMappingExceptionMapper implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
        if (exception instanceof InvalidDefinitionException) {
            throw new IllegalStateException("a request type cannot be deserialised", exception);
        }
        if (String.valueOf(exception.getOriginalMessage()).contains("end-of-input")) {
            // Jackson reports JSON that stops half-way inside a list as a mapping problem; it is malformed.
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("code", 400, "message", "Unable to process JSON: the body ends too early")).build();
        }
        String field = fieldPath(exception.getPath());
        String problem = exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? "must be " + describe(mismatch.getTargetType())
                : "is not valid here";
        String message = field.isEmpty() ? "the request body " + problem : field + " " + problem;
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errors", List.of(message))).build();
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a JSON object";
    }
}
