package org.sn1gateway.app.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Swagger UI webjar's version, read from the jar itself, so that upgrading it is a pom change only. */
final class SwaggerUiVersion {
    static final String VERSION = read();

    private SwaggerUiVersion() {
    }

    private static String read() {
        try (InputStream in = SwaggerUiVersion.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
