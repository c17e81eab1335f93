package org.sn1gateway.app.errors;

import io.dropwizard.jersey.validation.ValidationErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dropwizard names an invalid field by its Java name ({@code samplingMode}) and an element of a list as
 * Bean Validation does ({@code roles[0].<list element>}); clients sent {@code sampling_mode} and
 * {@code roles[0]}. Rewrites the leading field path of each validation error to the API's names.
 */
@Priority(3000) // Response filters run highest first; first: field names are renamed before any other filter copies the messages.
public final class SnakeCaseViolationsFilter implements ContainerResponseFilter {
    private static final Pattern LEADING_PATH = Pattern.compile("^[A-Za-z0-9_.\\[\\]]+");
    private static final Pattern ELEMENT_NODE = Pattern.compile("^([A-Za-z0-9_.\\[\\]]+)\\.<[a-z ]+>");
    private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ValidationErrorMessage message) {
            response.setEntity(new ValidationErrorMessage(
                    message.getErrors().stream().map(SnakeCaseViolationsFilter::snakeCaseField).toList()));
        }
    }

    static String snakeCaseField(String violation) {
        String error = ELEMENT_NODE.matcher(violation).replaceFirst("$1");
        Matcher path = LEADING_PATH.matcher(error);
        if (!path.find()) {
            return error;
        }
        String snake = HUMP.matcher(path.group()).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        return snake + error.substring(path.end());
    }
}
