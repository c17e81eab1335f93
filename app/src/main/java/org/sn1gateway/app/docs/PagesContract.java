package org.sn1gateway.app.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;

/**
 * The routes a browser opens without a key: the pages, which the resources declare, and this document and
 * its UI, which the Swagger resource and an asset bundle serve (so no resource declares them). Each says
 * what it returns and that it needs no key, overriding the document's default of requiring one.
 */
final class PagesContract {
    private static final String HTML = "text/html";

    private PagesContract() {
    }

    /** Called once the resources are read, so that the pages' own operations are there to be completed. */
    static void addTo(OpenAPI openApi) {
        describe(openApi, "/", "The playground: send a chat and watch the miners answer it.", HTML);
        describe(openApi, "/dashboard", "The miner dashboard, drawn from /miners/stats.", HTML);
        describe(openApi, "/docs", "This document, browsable (Swagger UI).", HTML);
        describe(openApi, "/openapi.json", "This document.", "application/json");
        describe(openApi, "/openapi.yaml", "This document, as YAML.", "application/yaml");
    }

    /** The page's GET, declared by its resource or else added here, answering 200 with its content type. */
    private static void describe(OpenAPI openApi, String path, String summary, String type) {
        PathItem item = openApi.getPaths().computeIfAbsent(path, missing -> new PathItem());
        Operation get = item.getGet() == null ? new Operation() : item.getGet();
        item.setGet(get.summary(summary).security(List.of()).responses(new ApiResponses().addApiResponse("200",
                new ApiResponse().description(summary)
                        .content(new Content().addMediaType(type, new MediaType().schema(new StringSchema()))))));
    }
}
