package org.sn1gateway.app.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Map;

/** One line of a 422: the field, as the client wrote its path, and what is wrong with it. */
final class FieldProblem {
    private static final Map<Class<?>, String> TYPES = Map.of(Integer.class, "an integer", Long.class, "an integer",
            Double.class, "a number", Boolean.class, "a boolean", String.class, "a string");

    private FieldProblem() {
    }

    /** A value Jackson could not bind: {@code exclude[0] must be an integer}. */
    static String ofType(JsonProcessingException problem) {
        String field = problem instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        String text;
        if (problem instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            text = "must be " + describe(mismatch.getTargetType());
        } else if (causedBy(problem, InputCoercionException.class)) {
            text = "is out of range";
        } else {
            text = "is not valid here";
        }
        return field.isEmpty() ? "the request body " + text : field + " " + text;
    }

    /**
     * A constraint the bound request breaks, worded as Dropwizard words those of a resource's entity: a
     * {@code @ValidationMethod} by its message alone, any other after the path of its field.
     */
    static String ofViolation(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof ValidationMethod ? violation.getMessage()
                : violation.getPropertyPath() + " " + violation.getMessage();
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (TYPES.containsKey(type)) {
            return TYPES.get(type);
        }
        return List.class.isAssignableFrom(type) ? "a list" : "a JSON object";
    }

    private static boolean causedBy(Throwable problem, Class<? extends Throwable> cause) {
        for (Throwable at = problem; at != null; at = at.getCause()) {
            if (cause.isInstance(at)) {
                return true;
            }
        }
        return false;
    }
}
