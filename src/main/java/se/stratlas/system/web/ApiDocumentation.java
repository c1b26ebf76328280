package se.stratlas.system.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the JSON API: what it is, how to sign in (a browser session,
 * HTTP Basic, or a personal API token as a bearer token), and on every operation the
 * refusals it can answer with, each an RFC 9457 problem detail.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI stratlasApi(@Value("${stratlas.version:0.1.0}") String version) {
		return new OpenAPI()
			.info(new Info().title("Stratlas API")
				.version(version)
				.description("The JSON API of Stratlas: strategies, initiatives, indicators and follow-up of a "
						+ "region's or municipality's development strategy. Sign in with a browser session, HTTP "
						+ "Basic, or a personal API token (Mitt konto → API-nycklar) sent as "
						+ "`Authorization: Bearer stl_…`; a token acts as its user within its scopes "
						+ "(`<part>:read` for GET, `<part>:write` for the rest). Errors are RFC 9457 problem "
						+ "details; a refused field is named in `errors`.")
				.license(new License().name("EUPL-1.2").identifier("EUPL-1.2")))
			.components(new Components()
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("stl_ personal API token")
							.description("A personal API token with scopes; no session, no CSRF token."))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("session",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("STRATLAS_SESSION")
							.description("A browser session; changes also need the CSRF token (X-XSRF-TOKEN).")))
			.addSecurityItem(new SecurityRequirement().addList("token"))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("session"));
	}

	private static Schema<?> problem() {
		Schema<?> error = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("code", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("An RFC 9457 problem detail")
			.required(List.of("title", "status"))
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("errors", new ArraySchema().items(error));
	}

	/**
	 * Every operation answers 401 and 403; one that names a record also 404; one that
	 * changes something also 400, 409, 413 (uploads) and 422; a heavy one 429.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return api -> {
			api.getComponents().addSchemas(PROBLEM, problem());
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				add(operation, "401", "Not signed in, or the API token is unknown, revoked or expired");
				add(operation, "403", "Not allowed: the user's role or the token's scope does not cover it");
				if (path.contains("{")) {
					add(operation, "404", "No such record in the caller's organisation");
				}
				if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
					add(operation, "400", "The request cannot be read");
					add(operation, "409", "Someone else changed the record first (optimistic locking)");
					add(operation, "422", "A field is not valid: errors names it");
					if (path.contains("import") || path.endsWith("/logo")) {
						add(operation, "413", "The upload is larger than allowed");
					}
					if (path.contains("import")) {
						add(operation, "429", "An import is already running; try again later");
					}
				}
			}));
		};
	}

	private static void add(Operation operation, String status, String description) {
		if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
			return;
		}
		operation.getResponses()
			.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

}
