package se.stratlas.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI document that the build generates the Java client from
 * ({@code src/test/resources/openapi/stratlas-api.json}) is the one the application
 * serves: a change of the API without the document fails here. To bring the document up
 * to date:
 * {@code ./mvnw verify -Dtest=none -Dit.test=OpenApiDocumentIT -Dopenapi.write=true}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiDocumentIT {

	static final Path DOCUMENT = Path.of("src/test/resources/openapi/stratlas-api.json");

	@Autowired
	MockMvc mvc;

	@Test
	void theCommittedDocumentIsTheServedOne() throws Exception {
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		JsonNode served = json.readTree(this.mvc.perform(get("/v3/api-docs"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		String text = json.writeValueAsString(served) + "\n";
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(DOCUMENT, text);
		}
		assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " exists").isTrue();
		assertThat(json.readTree(Files.readString(DOCUMENT)))
			.as("the committed OpenAPI document is out of date; run with -Dopenapi.write=true")
			.isEqualTo(served);
	}

}
