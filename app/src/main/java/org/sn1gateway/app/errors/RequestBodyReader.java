package org.sn1gateway.app.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jersey.validation.ValidationErrorMessage;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sn1gateway.app.api.ChatLimits;
import org.sn1gateway.app.api.LimitedRequest;
import org.sn1gateway.app.api.StrictInput;

/**
 * Reads the JSON request bodies (all of them records) so that a client learns all that is wrong with one
 * at once. The body is read whole as a tree first, so that JSON which does not parse is always a 400
 * (Dropwizard's answer to a parse error) and a body over the size limit always the limit's 413, never a
 * wrong field found half-way. The tree is then bound by {@link StrictInput}'s rules. Only when that fails
 * is each field bound on its own, to name every field of the wrong type, and the rest validated as the
 * resource would: one 422 lists it all, the operator's {@link ChatLimits} on a chat included.
 */
public final class RequestBodyReader implements MessageBodyReader<Record> {
    static final int UNPROCESSABLE = 422;

    private final ObjectMapper json;
    private final Validator validator;
    private final ChatLimits limits;

    public RequestBodyReader(ObjectMapper application, Validator validator, ChatLimits limits) {
        this.json = StrictInput.forRequestBodies(application);
        this.validator = validator;
        this.limits = limits;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Record.class.isAssignableFrom(type) && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType);
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        JsonNode tree = json.readTree(body);
        if (tree == null || tree.isMissingNode()) {
            return null; // no body at all: the resource's @NotNull names it
        }
        JavaType target = json.constructType(genericType);
        Record request;
        try {
            request = json.treeToValue(tree, target);
        } catch (InvalidDefinitionException unreadableType) {
            throw unreadableType; // the server's fault, not the client's: Dropwizard answers 500
        } catch (JsonProcessingException wrongType) {
            throw unprocessable(problems(tree, target));
        }
        if (request instanceof LimitedRequest limited && !limits.problems(limited).isEmpty()) {
            // Over the operator's limits: say so in one answer with whatever else validation finds.
            Set<String> problems = new LinkedHashSet<>();
            validator.validate(request).stream().map(FieldProblem::ofViolation).forEach(problems::add);
            problems.addAll(limits.problems(limited));
            throw unprocessable(List.copyOf(problems));
        }
        return request;
    }

    private static WebApplicationException unprocessable(List<String> problems) {
        return new WebApplicationException(Response.status(UNPROCESSABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ValidationErrorMessage(problems)).build());
    }

    /** Every wrongly typed field, then what validation finds in the others. */
    private List<String> problems(JsonNode tree, JavaType target) throws JsonProcessingException {
        if (!tree.isObject()) {
            return List.of("the request body must be a JSON object");
        }
        List<String> problems = new ArrayList<>();
        ObjectNode wellTyped = json.createObjectNode();
        Set<String> wrongFields = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            try {
                // The whole type with this one field: its own deserializer and annotations apply, as in the body.
                json.treeToValue(json.createObjectNode().set(field.getKey(), field.getValue()), target);
                wellTyped.set(field.getKey(), field.getValue());
            } catch (JsonProcessingException wrongType) {
                problems.add(FieldProblem.ofType(wrongType));
                wrongFields.add(field.getKey());
            }
        }
        // A wrong field is left out of what is validated, so "must not be null" does not follow "must be a list".
        Map<String, String> fieldOfProperty = json.getDeserializationConfig().introspect(target).findProperties()
                .stream().collect(Collectors.toMap(BeanPropertyDefinition::getInternalName, BeanPropertyDefinition::getName));
        Record wellTypedRequest = json.treeToValue(wellTyped, target);
        validator.validate(wellTypedRequest).stream()
                .filter(violation -> !wrongFields.contains(
                        fieldOfProperty.get(violation.getPropertyPath().iterator().next().getName())))
                .map(FieldProblem::ofViolation)
                .forEach(problems::add);
        if (wellTypedRequest instanceof LimitedRequest limited) {
            problems.addAll(limits.problems(limited));
        }
        return problems;
    }
}
