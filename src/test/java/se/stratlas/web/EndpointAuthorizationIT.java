package se.stratlas.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint of Stratlas, screens and API, with who may call it. The table must name
 * every endpoint: a new endpoint without a row fails
 * {@link #everyEndpointHasARowInTheTable()}, and one without a {@code @PreAuthorize} rule
 * fails {@link #everyEndpointDeclaresARule()} (and is refused at run time). Each row is
 * then called as every role.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EndpointAuthorizationIT {

	/**
	 * Who may call an endpoint; each level includes the ones after it in
	 * {@link #allowed}.
	 */
	enum Access {

		PUBLIC, AUTHENTICATED, READER, REPORTER, REVIEWER, WRITER_OR_REVIEWER, STRATEGIST, ADMINISTRATOR, PLATFORM

	}

	/** The callers: anonymous, a user of each role in Västerbotten. */
	enum Caller {

		ANONYMOUS(null), READER("lars.lasare"), REPORTER("rasmus.rapportor"), REVIEWER("greta.granskare"),
		STRATEGIST("sara.strateg"), ADMINISTRATOR("anna.admin"), PLATFORM("admin");

		final String username;

		Caller(String username) {
			this.username = username;
		}

	}

	record Endpoint(Access access, String query, String body) {
	}

	private static final String ELEMENT_BODY = """
			{"version": -1, "element": {"type": "PRIORITY", "code": "1", "nameSv": "x"}}""";

	static final Map<String, Endpoint> TABLE = new LinkedHashMap<>();

	static {
		row("GET /", Access.PUBLIC);
		row("GET /login", Access.PUBLIC);
		row("GET /logout", Access.PUBLIC);
		row("GET /public/strategies", Access.PUBLIC);
		row("GET /public/strategies/{id}", Access.PUBLIC);
		row("GET /account", Access.AUTHENTICATED);
		row("GET /account/password", Access.AUTHENTICATED);
		row("POST /account/password", Access.AUTHENTICATED, "currentPassword=wrong&newPassword=x&confirmation=y", null);
		row("GET /api/me", Access.AUTHENTICATED);
		row("GET /admin/users", Access.ADMINISTRATOR);
		row("GET /admin/users/new", Access.ADMINISTRATOR);
		row("POST /admin/users", Access.ADMINISTRATOR, "username=", null);
		row("GET /admin/users/{id}", Access.ADMINISTRATOR);
		row("POST /admin/users/{id}", Access.ADMINISTRATOR, "version=-1&displayName=x&roles=READER", null);
		row("POST /admin/users/{id}/password", Access.ADMINISTRATOR, "password=short", null);
		row("GET /admin/audit", Access.ADMINISTRATOR);
		row("GET /admin/archive", Access.ADMINISTRATOR);
		row("GET /admin/archive/download", Access.ADMINISTRATOR);
		row("GET /api/admin/archive", Access.ADMINISTRATOR);
		row("GET /admin/units", Access.ADMINISTRATOR);
		row("GET /admin/organisation", Access.ADMINISTRATOR);
		row("POST /admin/organisation", Access.ADMINISTRATOR, "version=-1&name=x&kind=REGION", null);
		row("GET /admin/organisation/logo", Access.READER);
		row("POST /admin/organisation/logo", Access.ADMINISTRATOR);
		row("GET /platform/organisations", Access.PLATFORM);
		row("POST /platform/organisations", Access.PLATFORM, "code=", null);
		row("POST /admin/units", Access.ADMINISTRATOR, "name=", null);
		row("GET /followup", Access.READER);
		row("GET /followup/new", Access.STRATEGIST);
		row("POST /followup", Access.STRATEGIST, "name=", null);
		row("POST /followup/{id}/next", Access.STRATEGIST);
		row("GET /followup/{id}", Access.READER);
		row("GET /followup/{id}/edit", Access.STRATEGIST);
		row("POST /followup/{id}", Access.STRATEGIST, "version=-1&name=x&kind=ANNUAL&periodCode=2023", null);
		row("POST /followup/{id}/state", Access.STRATEGIST, "version=-1&state=CLOSED", null);
		row("GET /followup/{id}/sections", Access.READER);
		row("POST /followup/{id}/sections", Access.STRATEGIST, "chapter=", null);
		row("GET /followup/{id}/sections/{sectionId}/edit", Access.STRATEGIST);
		row("POST /followup/{id}/sections/{sectionId}", Access.STRATEGIST, "chapter=", null);
		row("POST /followup/{id}/sections/{sectionId}/delete", Access.STRATEGIST);
		row("POST /followup/{id}/sections/{sectionId}/move", Access.STRATEGIST, "direction=none", null);
		row("POST /followup/{id}/assignments", Access.STRATEGIST);
		row("POST /followup/{id}/assignments/{contributionId}/delete", Access.STRATEGIST);
		row("GET /followup/{id}/products/{productId}", Access.READER);
		row("POST /followup/{id}/products", Access.STRATEGIST, "name=", null);
		row("GET /followup/{id}/products/{productId}/edit", Access.STRATEGIST);
		row("POST /followup/{id}/products/{productId}", Access.STRATEGIST, "version=-1", null);
		row("POST /followup/{id}/products/{productId}/freeze", Access.STRATEGIST, "version=-1", null);
		row("POST /followup/{id}/products/{productId}/move", Access.STRATEGIST, "version=-1&sectionId=1", null);
		row("POST /followup/{id}/products/{productId}/unfreeze", Access.STRATEGIST, "version=-1", null);
		row("GET /followup/{id}/products/{productId}/layout", Access.STRATEGIST);
		row("POST /followup/{id}/products/{productId}/layout", Access.STRATEGIST, "version=-1", null);
		row("POST /followup/{id}/products/{productId}/layout/reset", Access.STRATEGIST, "version=-1", null);
		row("GET /followup/contributions/{id}", Access.READER);
		row("POST /followup/contributions/{id}", Access.REPORTER, "version=-1&baseRevision=-5&body=x", null);
		row("POST /followup/contributions/{id}/autosave", Access.REPORTER, "version=-1&baseRevision=-5&body=x", null);
		row("POST /followup/preview", Access.REPORTER, "body=x", null);
		row("POST /followup/contributions/{id}/ready", Access.REPORTER, "version=-1", null);
		row("POST /followup/contributions/{id}/withdraw", Access.REPORTER, "version=-1", null);
		row("POST /followup/contributions/{id}/return", Access.REVIEWER, "version=-1&comment=x", null);
		row("POST /followup/contributions/{id}/approve", Access.REVIEWER, "version=-1", null);
		row("POST /followup/contributions/{id}/copy-previous", Access.REPORTER, "version=-1", null);
		row("POST /followup/contributions/{id}/comments", Access.WRITER_OR_REVIEWER, "comment=", null);
		row("GET /followup/contributions/{id}/history", Access.READER);
		row("GET /followup/tasks", Access.READER);
		row("GET /followup/{id}/products/{productId}/report", Access.READER);
		row("GET /followup/{id}/products/{productId}/report.pdf", Access.READER);
		row("GET /followup/{id}/products/{productId}/report.docx", Access.READER);
		row("GET /followup/{id}/products/{productId}/report.xlsx", Access.READER);
		row("POST /followup/{id}/products/{productId}/editions", Access.STRATEGIST);
		row("POST /followup/{id}/products/{productId}/logo", Access.STRATEGIST);
		row("GET /reports/editions/{editionId}", Access.READER);
		row("GET /reports/editions/{editionId}/report.{format}", Access.READER);
		row("POST /reports/editions/{editionId}/publish", Access.STRATEGIST);
		row("GET /account/tokens", Access.AUTHENTICATED);
		row("POST /account/tokens", Access.AUTHENTICATED, "name=", null);
		row("POST /account/tokens/{id}/revoke", Access.AUTHENTICATED);
		row("GET /public/reports", Access.PUBLIC);
		row("GET /public/reports/{slug}", Access.PUBLIC);
		row("GET /public/reports/{slug}/report.pdf", Access.PUBLIC);
		row("GET /public/reports/{slug}/data/{name}.csv", Access.PUBLIC);
		row("GET /public/reports/{slug}/data/{name}.json", Access.PUBLIC);
		row("GET /public/reports/{slug}/data/{name}.jsonstat", Access.PUBLIC);
		row("GET /public/reports/catalog.rdf", Access.PUBLIC);
		row("GET /public/organisations/{code}", Access.PUBLIC);
		row("GET /public/areas/{code}", Access.PUBLIC);
		row("POST /followup/notices/read", Access.READER);
		row("GET /followup/figures", Access.READER);
		row("GET /followup/figures/edit", Access.REPORTER);
		row("POST /followup/figures", Access.REPORTER, "period=2021T1", null);
		row("GET /followup/figures/import", Access.REPORTER);
		row("POST /followup/figures/import", Access.REPORTER);
		row("GET /followup/figures/template", Access.READER);
		row("GET /followup/figures/export", Access.READER);
		row("GET /api/followup/cycles", Access.READER);
		row("GET /api/followup/cycles/{id}", Access.READER);
		row("GET /api/followup/contributions/{id}", Access.READER);
		row("PUT /api/followup/contributions/{id}", Access.REPORTER, null,
				"{\"version\": -1, \"baseRevision\": -5, \"body\": \"x\"}");
		row("POST /api/followup/contributions/{id}/transitions", Access.WRITER_OR_REVIEWER, null,
				"{\"action\": \"nope\", \"version\": -1}");
		row("GET /api/followup/contributions/{id}/revisions", Access.READER);
		row("GET /api/followup/contributions/{id}/comments", Access.READER);
		row("POST /api/followup/contributions/{id}/comments", Access.WRITER_OR_REVIEWER, null, "{\"body\": \"\"}");
		row("GET /api/followup/cycles/{id}/products/{productId}", Access.READER);
		row("GET /api/followup/tasks", Access.READER);
		row("GET /api/followup/figures", Access.READER, "period=2021T1", null);
		row("POST /api/followup/figures/import", Access.REPORTER);
		row("GET /api/followup/units", Access.READER);
		row("POST /api/followup/cycles", Access.STRATEGIST, null, "{}");
		row("POST /api/followup/cycles/{id}/assignments", Access.STRATEGIST, null,
				"{\"sectionIds\": [], \"unitId\": -1}");
		row("POST /api/followup/cycles/{id}/state", Access.STRATEGIST, null, "{\"version\": -1}");
		row("POST /api/followup/cycles/{id}/products", Access.STRATEGIST, null, "{\"name\": \"\"}");
		row("GET /api/followup/cycles/{id}/products/{productId}/layout", Access.READER);
		row("PUT /api/followup/cycles/{id}/products/{productId}/layout", Access.STRATEGIST, null,
				"{\"version\": -1, \"blocks\": []}");
		row("POST /api/indicators/import", Access.STRATEGIST);
		row("GET /api/reports/cycles/{cycleId}/products/{productId}/gaps", Access.READER);
		row("POST /api/reports/cycles/{cycleId}/products/{productId}/editions", Access.STRATEGIST, null,
				"{\"gapsConfirmed\": false}");
		row("GET /api/reports/editions/{editionId}", Access.READER);
		row("POST /api/reports/editions/{editionId}/publish", Access.STRATEGIST, null, "{\"draftConfirmed\": false}");
		row("GET /foresight", Access.READER);
		row("GET /foresight/export", Access.READER);
		row("GET /foresight/items/new", Access.REPORTER);
		row("POST /foresight/items", Access.REPORTER, "title=", null);
		row("GET /foresight/items/{id}/edit", Access.REPORTER);
		row("POST /foresight/items/{id}", Access.REPORTER, "version=-1&title=x&kind=TREND&scope=EU", null);
		row("POST /foresight/items/{id}/delete", Access.REPORTER, "version=-1", null);
		row("GET /foresight/scenarios", Access.READER);
		row("GET /learning/elements/{id}", Access.READER);
		row("POST /learning/elements/{id}/assessment", Access.STRATEGIST);
		row("POST /learning/elements/{id}/lessons", Access.STRATEGIST, "body=", null);
		row("POST /learning/elements/{id}/lessons/{lessonId}", Access.STRATEGIST, "version=-1&body=x", null);
		row("POST /learning/elements/{id}/lessons/{lessonId}/delete", Access.STRATEGIST, "version=-1", null);
		row("POST /learning/elements/{id}/proposals", Access.STRATEGIST, "title=", null);
		row("POST /learning/elements/{id}/proposals/{proposalId}/{step:prepare|decide|reject}", Access.STRATEGIST,
				"version=-1", null);
		row("GET /learning/strategies/{id}", Access.READER);
		row("GET /api/learning/elements/{id}", Access.READER);
		row("GET /api/actors", Access.READER);
		row("GET /api/admin/users", Access.ADMINISTRATOR);
		row("POST /api/admin/users", Access.ADMINISTRATOR, null, "{\"username\": \"\"}");
		row("GET /api/admin/units", Access.ADMINISTRATOR);
		row("POST /api/admin/units", Access.ADMINISTRATOR, null, "{\"name\": \"\"}");
		row("GET /api/actors/{id}", Access.READER);
		row("POST /api/actors", Access.REPORTER, null, "{\"name\": \"\"}");
		row("PUT /api/actors/{id}", Access.REPORTER, null, "{\"version\": -1, \"actor\": {\"name\": \"x\"}}");
		row("GET /api/actors/contacts", Access.READER);
		row("GET /api/actors/partnerships", Access.READER);
		row("POST /api/actors/contacts", Access.STRATEGIST, null, "{\"name\": \"\"}");
		row("POST /api/actors/partnerships", Access.STRATEGIST, null, "{\"name\": \"\"}");
		row("POST /api/actors/partnerships/{id}/members", Access.STRATEGIST, null, "{\"role\": \"MEDLEM\"}");
		row("GET /api/followup/cycles/{id}/sections", Access.READER);
		row("POST /api/followup/cycles/{id}/sections", Access.STRATEGIST, null, "{\"title\": \"\"}");
		row("PUT /api/followup/cycles/{id}/sections/{sectionId}", Access.STRATEGIST, null, "{\"title\": \"\"}");
		row("POST /api/followup/cycles/{id}/sections/{sectionId}/move", Access.STRATEGIST, null, "{\"up\": true}");
		row("DELETE /api/followup/cycles/{id}/sections/{sectionId}", Access.STRATEGIST);
		row("DELETE /api/followup/cycles/{id}/assignments/{contributionId}", Access.STRATEGIST);
		row("GET /api/foresight/items", Access.READER);
		row("GET /api/foresight/items/{id}", Access.READER);
		row("POST /api/foresight/items", Access.REPORTER, null, "{\"title\": \"\"}");
		row("PUT /api/foresight/items/{id}", Access.REPORTER, null, "{\"version\": -1, \"item\": {\"title\": \"x\"}}");
		row("DELETE /api/foresight/items/{id}", Access.REPORTER, "version=-1", null);
		row("GET /api/foresight/scenarios", Access.READER);
		row("GET /api/foresight/scenarios/{id}", Access.READER);
		row("POST /api/foresight/scenarios", Access.REPORTER, null, "{\"name\": \"\"}");
		row("PUT /api/foresight/scenarios/{id}", Access.REPORTER, null,
				"{\"version\": -1, \"scenario\": {\"name\": \"x\"}}");
		row("GET /api/foresight/workshops", Access.READER);
		row("GET /api/foresight/workshops/{id}", Access.READER);
		row("POST /api/foresight/workshops", Access.REPORTER, null, "{\"name\": \"\"}");
		row("POST /api/foresight/workshops/{id}/items", Access.REPORTER, null,
				"{\"quadrant\": \"STRENGTH\", \"text\": \"x\"}");
		row("PUT /api/foresight/workshops/{id}/items/{itemId}", Access.REPORTER, null,
				"{\"version\": -1, \"text\": \"x\"}");
		row("DELETE /api/foresight/workshops/{id}/items/{itemId}", Access.REPORTER, "version=-1", null);
		row("GET /api/foresight/dialogues", Access.READER);
		row("GET /api/foresight/dialogues/{id}", Access.READER);
		row("POST /api/foresight/dialogues", Access.REPORTER, null, "{\"name\": \"\"}");
		row("POST /api/foresight/dialogues/{id}/agenda", Access.REPORTER, null, "{\"title\": \"\"}");
		row("POST /api/foresight/dialogues/{id}/tracks", Access.REPORTER, null, "{\"question\": \"\"}");
		row("PUT /api/foresight/dialogues/{id}/tracks/{trackId}/outcome", Access.REPORTER, null, "{\"version\": -1}");
		row("GET /api/foresight/dimensions", Access.READER);
		row("POST /api/foresight/dimensions", Access.REPORTER, null, "{\"name\": \"\"}");
		row("PUT /api/learning/elements/{id}/assessment", Access.STRATEGIST, null, "{\"cycleId\": 999999}");
		row("POST /api/learning/elements/{id}/lessons", Access.STRATEGIST, null, "{\"body\": \"\"}");
		row("POST /api/learning/elements/{id}/proposals", Access.STRATEGIST, null, "{\"title\": \"\"}");
		row("POST /api/learning/proposals/{proposalId}/prepare", Access.STRATEGIST, null, "{\"version\": -1}");
		row("POST /api/learning/proposals/{proposalId}/decide", Access.STRATEGIST, null, "{\"version\": -1}");
		row("POST /api/learning/proposals/{proposalId}/reject", Access.STRATEGIST, null, "{\"version\": -1}");
		row("GET /learning/strategies/{id}/revision", Access.READER);
		row("POST /foresight/scenarios", Access.REPORTER, "name=", null);
		row("POST /foresight/dimensions", Access.REPORTER, "name=", null);
		row("GET /foresight/dialogues", Access.READER);
		row("GET /foresight/dialogues/{id}/export", Access.READER);
		row("GET /foresight/scenarios/export", Access.READER);
		row("GET /foresight/scenarios/{id}/edit", Access.READER);
		row("POST /foresight/scenarios/{id}", Access.REPORTER, "version=-1&name=x", null);
		row("GET /foresight/search", Access.READER, "q=bostad", null);
		row("GET /foresight/workshops/{id}/edit", Access.REPORTER);
		row("POST /foresight/workshops/{id}", Access.REPORTER, "version=-1&name=x", null);
		row("POST /foresight/dialogues", Access.REPORTER, "name=", null);
		row("GET /foresight/dialogues/{id}", Access.READER);
		row("POST /foresight/dialogues/{id}/agenda", Access.REPORTER, "title=", null);
		row("POST /foresight/dialogues/{id}/tracks", Access.REPORTER, "question=", null);
		row("POST /foresight/dialogues/{id}/tracks/{trackId}", Access.REPORTER, "version=-1", null);
		row("GET /foresight/workshops", Access.READER);
		row("POST /foresight/workshops", Access.REPORTER, "name=", null);
		row("GET /foresight/workshops/{id}", Access.READER);
		row("POST /foresight/workshops/{id}/items", Access.REPORTER);
		row("POST /foresight/workshops/{id}/items/{itemId}", Access.REPORTER, "version=-1&text=x", null);
		row("POST /foresight/workshops/{id}/items/{itemId}/move", Access.REPORTER);
		row("POST /foresight/workshops/{id}/items/{itemId}/delete", Access.REPORTER, "version=-1", null);
		row("GET /foresight/workshops/{id}/swot.{format}", Access.READER);
		row("GET /strategies", Access.READER);
		row("GET /strategies/new", Access.STRATEGIST);
		row("POST /strategies", Access.STRATEGIST, "code=", null);
		row("GET /strategies/{id}", Access.READER);
		row("GET /strategies/{id}/edit", Access.STRATEGIST);
		row("POST /strategies/{id}", Access.STRATEGIST, "version=-1&code=RUS&nameSv=x", null);
		row("POST /strategies/{id}/delete", Access.STRATEGIST, "version=-1", null);
		row("POST /strategies/{id}/levels", Access.STRATEGIST);
		row("GET /strategies/{id}/versions", Access.READER);
		row("POST /strategies/{id}/versions", Access.STRATEGIST, "label=", null);
		row("POST /strategies/{id}/versions/{versionId}", Access.STRATEGIST, "version=-1&label=x&status=ANTAGEN", null);
		row("GET /strategies/{id}/compare", Access.READER, "from={versionId}&to={versionId}", null);
		row("GET /strategies/{id}/export", Access.READER);
		row("GET /strategies/import", Access.STRATEGIST);
		row("POST /strategies/import", Access.STRATEGIST);
		row("GET /strategies/elements/{id}", Access.READER);
		row("POST /strategies/elements/{id}", Access.STRATEGIST, "version=-1&type=PRIORITY&code=1&nameSv=x", null);
		row("GET /strategies/versions/{versionId}/elements/new", Access.STRATEGIST);
		row("POST /strategies/versions/{versionId}/elements", Access.STRATEGIST, "nameSv=", null);
		row("POST /strategies/elements/{id}/move", Access.STRATEGIST, "version=-1", null);
		row("POST /strategies/elements/{id}/delete", Access.STRATEGIST, "version=-1", null);
		row("POST /strategies/elements/{id}/links", Access.STRATEGIST, "relation=BIDRAR_TILL", null);
		row("POST /strategies/elements/{id}/gate", Access.STRATEGIST, "gate=false", null);
		row("POST /strategies/elements/{id}/links/{linkId}/delete", Access.STRATEGIST);
		row("GET /api/strategies", Access.READER);
		row("POST /api/strategies", Access.STRATEGIST, null, "{}");
		row("GET /api/strategies/{id}", Access.READER);
		row("PUT /api/strategies/{id}", Access.STRATEGIST, null,
				"{\"version\": -1, \"strategy\": {\"code\": \"RUS\", \"nameSv\": \"x\", \"published\": true}}");
		row("DELETE /api/strategies/{id}", Access.STRATEGIST, "version=-1", null);
		row("POST /api/strategies/{id}/versions", Access.STRATEGIST, null, "{\"label\": \"\"}");
		row("PUT /api/versions/{versionId}", Access.STRATEGIST, null, "{\"version\": -1}");
		row("GET /api/versions/{versionId}/tree", Access.READER);
		row("GET /api/versions/{versionId}/elements", Access.READER);
		row("GET /api/strategies/{id}/compare", Access.READER, "from={versionId}&to={versionId}", null);
		row("POST /api/versions/{versionId}/elements", Access.STRATEGIST, null, "{}");
		row("GET /api/elements/{id}", Access.READER);
		row("GET /api/elements/{id}/history", Access.READER);
		row("PUT /api/elements/{id}", Access.STRATEGIST, null, ELEMENT_BODY);
		row("POST /api/elements/{id}/move", Access.STRATEGIST, null, "{\"version\": -1}");
		row("DELETE /api/elements/{id}", Access.STRATEGIST, "version=-1", null);
		row("POST /api/elements/{id}/links", Access.STRATEGIST, null,
				"{\"toElementId\": {id}, \"relation\": \"BIDRAR_TILL\"}");
		row("DELETE /api/links/{linkId}", Access.STRATEGIST);
		row("GET /api/strategies/{id}/export", Access.READER);
		row("GET /api/strategies/{id}/assessment-scale", Access.READER);
		row("PUT /api/strategies/{id}/assessment-scale", Access.STRATEGIST, null, "[]");
		row("PUT /api/elements/{id}/funding-gate", Access.STRATEGIST, "gate=false", null);
		row("POST /api/strategies/import", Access.STRATEGIST, null, "{\"format\": \"other\"}");
		row("GET /actors", Access.READER);
		row("POST /actors", Access.REPORTER, "name=", null);
		row("GET /actors/{id}", Access.READER);
		row("POST /actors/{id}", Access.REPORTER, "version=-1&name=", null);
		row("GET /contacts", Access.READER);
		row("POST /contacts", Access.STRATEGIST, "name=", null);
		row("GET /partnerships", Access.READER);
		row("POST /partnerships", Access.STRATEGIST, "name=", null);
		row("POST /partnerships/{id}/members", Access.STRATEGIST);
		row("GET /initiatives", Access.READER);
		row("GET /initiatives/export", Access.READER, "format=csv", null);
		row("GET /initiatives/new", Access.REPORTER);
		row("POST /initiatives", Access.REPORTER, "name=", null);
		row("GET /initiatives/{id}", Access.READER);
		row("GET /initiatives/{id}/edit", Access.REPORTER);
		row("POST /initiatives/{id}", Access.REPORTER, "version=-1&name=", null);
		row("POST /initiatives/{id}/delete", Access.REPORTER, "version=-1", null);
		row("POST /initiatives/{id}/funding", Access.REPORTER);
		row("POST /initiatives/{id}/funding/{fundingId}/delete", Access.REPORTER);
		row("POST /initiatives/{id}/participants", Access.REPORTER);
		row("POST /initiatives/{id}/participants/delete", Access.REPORTER, "actorId=999999&role=MEDLEM", null);
		row("POST /initiatives/{id}/contributions", Access.REPORTER);
		row("POST /initiatives/{id}/contributions/delete", Access.REPORTER,
				"elementKey=00000000-0000-0000-0000-000000000000", null);
		row("POST /initiatives/{id}/assessments", Access.REPORTER, "strategyId={strategyId}", null);
		row("POST /initiatives/{id}/sdg", Access.REPORTER);
		row("POST /initiatives/{id}/sdg/{effectId}/delete", Access.REPORTER);
		row("GET /initiatives/import", Access.REPORTER);
		row("GET /initiatives/import/template", Access.READER);
		row("POST /initiatives/import", Access.REPORTER);
		row("GET /applications", Access.READER);
		row("GET /applications/new", Access.REPORTER);
		row("POST /applications", Access.REPORTER, "title=", null);
		row("GET /applications/{id}", Access.READER);
		row("POST /applications/{id}/assessments", Access.REPORTER);
		row("POST /applications/{id}/decision", Access.REVIEWER, "version=-1&decision=AVSLAG", null);
		row("GET /portfolio", Access.READER);
		row("GET /portfolio/export", Access.READER);
		row("GET /portfolio/export/{view}", Access.READER);
		row("GET /api/initiatives", Access.READER);
		row("POST /api/initiatives", Access.REPORTER, null, "{}");
		row("GET /api/initiatives/{id}", Access.READER);
		row("PUT /api/initiatives/{id}", Access.REPORTER, null, "{\"version\": -1, \"initiative\": {\"name\": \"x\"}}");
		row("DELETE /api/initiatives/{id}", Access.REPORTER, "version=-1", null);
		row("POST /api/initiatives/{id}/contributions", Access.REPORTER, null, "{\"primary\": false}");
		row("POST /api/initiatives/{id}/assessments", Access.REPORTER, null, "{\"strategyId\": {strategyId}}");
		row("POST /api/initiatives/{id}/sdg-effects", Access.REPORTER, null,
				"{\"direct\": true, \"positive\": true, \"sdgCode\": \"99\"}");
		row("POST /api/initiatives/{id}/funding", Access.REPORTER, null, "{}");
		row("POST /api/initiatives/{id}/participants", Access.REPORTER, null,
				"{\"actorId\": 999999, \"role\": \"MEDLEM\"}");
		row("POST /api/initiatives/import", Access.REPORTER);
		row("GET /api/applications", Access.READER);
		row("POST /api/applications", Access.REPORTER, null,
				"{\"strategyId\": {strategyId}, \"title\": \"\", \"amountApplied\": 1, \"fundingSource\": \"ANSLAG_1_1\"}");
		row("GET /api/applications/{id}", Access.READER);
		row("POST /api/applications/{id}/assessments", Access.REPORTER, null, "{}");
		row("POST /api/applications/{id}/decision", Access.REVIEWER, null,
				"{\"version\": -1, \"decision\": \"AVSLAG\"}");
		row("GET /api/portfolio", Access.READER);
		row("GET /indicators", Access.READER);
		row("POST /indicators", Access.STRATEGIST, "code=", null);
		row("GET /indicators/{id}", Access.READER);
		row("GET /indicators/{id}/edit", Access.STRATEGIST);
		row("POST /indicators/{id}", Access.STRATEGIST, "version=-1&nameSv=x", null);
		row("GET /indicators/linked", Access.READER, "element=00000000-0000-0000-0000-000000000000", null);
		row("POST /indicators/links", Access.STRATEGIST,
				"element=00000000-0000-0000-0000-000000000000&indicatorId=999999", null);
		row("GET /indicators/{id}/export", Access.READER);
		row("GET /indicators/{id}/chart.svg", Access.READER);
		row("GET /indicators/{id}/chart.png", Access.READER);
		row("POST /indicators/{id}/targets", Access.STRATEGIST);
		row("POST /indicators/{id}/kolada", Access.STRATEGIST, "from=2023&to=2023", null);
		row("GET /indicators/runs", Access.READER);
		row("GET /indicators/runs/{runId}", Access.READER);
		row("POST /indicators/{id}/refresh", Access.STRATEGIST, "on=false", null);
		row("GET /indicators/import", Access.STRATEGIST);
		row("GET /indicators/groups", Access.READER);
		row("POST /indicators/groups", Access.STRATEGIST, "name=", null);
		row("GET /api/indicators", Access.READER);
		row("POST /api/indicators", Access.STRATEGIST, null,
				"{\"code\": \"\", \"decimals\": 1, \"bySex\": false, \"nameSv\": \"\"}");
		row("GET /api/indicators/{id}/series", Access.READER);
		row("GET /api/indicators/{id}/ranking", Access.READER, "period=2024", null);
		row("GET /api/indicators/{id}/gender-gap", Access.READER);
		row("GET /api/indicators/{id}/county-aggregate", Access.READER);
		row("GET /api/indicators/{id}/targets", Access.READER);
		row("POST /api/indicators/{id}/targets", Access.STRATEGIST, null, "{\"relative\": false}");
		row("GET /api/indicators/dashboard", Access.READER, "element=00000000-0000-0000-0000-000000000000", null);
		row("POST /api/indicators/{id}/kolada", Access.STRATEGIST, null, "{\"areas\": [\"2480\"], \"years\": [2023]}");
		row("POST /api/indicators/scb", Access.STRATEGIST, null, "{\"table\": \"X\", \"selection\": {}}");
		row("GET /api/indicators/runs", Access.READER);
		row("GET /indicators/import/template", Access.READER);
		row("POST /indicators/import", Access.STRATEGIST);
		row("POST /indicators/import/scb", Access.STRATEGIST, "table=", null);
		row("POST /indicators/scb-subscriptions/{subscriptionId}/delete", Access.STRATEGIST);
		row("GET /indicators/dashboard", Access.READER, "element=00000000-0000-0000-0000-000000000000", null);
		row("GET /api/strategies/{id}/levels", Access.READER);
		row("PUT /api/strategies/{id}/levels", Access.STRATEGIST, null, "{\"levels\": []}");
		row("GET /api/indicators/area-groups", Access.READER);
		row("POST /api/indicators/area-groups", Access.STRATEGIST, null, "{\"name\": \"\"}");
		row("GET /api/indicators/scb-subscriptions", Access.STRATEGIST);
		row("DELETE /api/indicators/scb-subscriptions/{subscriptionId}", Access.STRATEGIST);
		row("GET /api/admin/organisation", Access.ADMINISTRATOR);
		row("PUT /api/admin/organisation", Access.ADMINISTRATOR, null, "{\"version\": -1}");
		row("GET /api/platform/organisations", Access.PLATFORM);
		row("POST /api/platform/organisations", Access.PLATFORM, null, "{\"code\": \"\"}");
		row("GET /api/admin/organisation/logo", Access.READER);
		row("POST /api/admin/organisation/logo", Access.ADMINISTRATOR);
		row("POST /api/reports/cycles/{cycleId}/products/{productId}/logo", Access.STRATEGIST);
		row("GET /api/reports/editions/{editionId}/files/{format}", Access.READER);

		row("GET /exchange", Access.READER);
		row("GET /exchange/rulebook", Access.READER);
		row("POST /exchange/rulebook", Access.STRATEGIST);
		row("GET /exchange/datasets/new", Access.STRATEGIST);
		row("POST /exchange/datasets", Access.STRATEGIST, "draft.title=", null);
		row("GET /exchange/datasets/{id}", Access.READER);
		row("GET /exchange/datasets/{id}/edit", Access.STRATEGIST);
		row("POST /exchange/datasets/{id}", Access.STRATEGIST, "version=-1", null);
		row("POST /exchange/datasets/{id}/schema", Access.STRATEGIST, "fields=", null);
		row("POST /exchange/datasets/{id}/files", Access.STRATEGIST);
		row("POST /exchange/datasets/{id}/rights", Access.STRATEGIST, "holder=", null);
		row("POST /exchange/datasets/{id}/listings", Access.STRATEGIST, "reservePrice=", null);
		row("GET /exchange/listings/{id}", Access.READER);
		row("POST /exchange/listings/{id}/bids", Access.STRATEGIST, "amount=", null);
		row("GET /exchange/listings/{id}/policy", Access.READER);
		row("GET /exchange/deals/{id}", Access.READER);
		row("POST /exchange/deals/{id}/pay", Access.STRATEGIST);
		row("POST /exchange/deals/{id}/validate-delivery", Access.STRATEGIST);
		row("POST /exchange/deals/{id}/validate-payment", Access.STRATEGIST);
		row("POST /exchange/deals/{id}/refund", Access.STRATEGIST);
		row("POST /exchange/deals/{id}/attest", Access.STRATEGIST);
		row("GET /exchange/deals/{id}/contract.pdf", Access.READER);
		row("GET /exchange/deals/{id}/download", Access.READER, "expires=1&signature=x", null);
		row("GET /exchange/datasets/{id}/donors", Access.READER);
		row("POST /exchange/datasets/{id}/donors", Access.STRATEGIST, "purposes=RESEARCH", null);
		row("POST /exchange/datasets/{id}/donors/{pseudonym}/consents", Access.STRATEGIST, "purpose=RESEARCH", null);
		row("POST /exchange/datasets/{id}/donors/{pseudonym}/withdrawal", Access.STRATEGIST, "purpose=RESEARCH", null);
		row("GET /exchange/donors/{pseudonym}", Access.PUBLIC, "token=x", null);
		row("GET /exchange/donors/{pseudonym}/withdrawal", Access.PUBLIC, "token=x", null);
		row("POST /exchange/donors/{pseudonym}/withdrawal", Access.PUBLIC, "token=x", null);
		row("GET /exchange/datasets/{id}/distribution", Access.READER);
		row("POST /exchange/datasets/{id}/distribution", Access.STRATEGIST, "providerPct=", null);
		row("GET /exchange/altruism", Access.READER);
		row("POST /exchange/altruism", Access.STRATEGIST, "name=", null);
		row("GET /exchange/altruism/report.csv", Access.READER);
		row("GET /api/exchange/datasets/{id}/donors", Access.READER);
		row("POST /api/exchange/datasets/{id}/donors", Access.STRATEGIST, null, "{\"purposes\": []}");
		row("POST /api/exchange/datasets/{id}/donors/{pseudonym}/consents", Access.STRATEGIST, null, "{}");
		row("POST /api/exchange/datasets/{id}/donors/{pseudonym}/withdrawals", Access.STRATEGIST, null, "{}");
		row("GET /api/exchange/datasets/{id}/distribution", Access.READER);
		row("PUT /api/exchange/datasets/{id}/distribution", Access.STRATEGIST, null, "{}");
		row("GET /api/exchange/altruism", Access.READER);
		row("PUT /api/exchange/altruism", Access.STRATEGIST, null, "{\"name\": \"\"}");
		row("GET /api/exchange/altruism/report", Access.READER);
		row("GET /exchange/datasets/{id}/stream", Access.READER);
		row("GET /exchange/alarms", Access.READER);
		row("POST /exchange/alarms/{id}/acknowledge", Access.STRATEGIST);
		row("GET /api/exchange/streams/{id}", Access.READER);
		row("POST /api/exchange/streams/{id}/devices", Access.STRATEGIST, null, "{\"code\": \"\"}");
		row("POST /api/exchange/streams/{id}/readings", Access.STRATEGIST, null, "[]");
		row("GET /api/exchange/alarms", Access.READER);
		row("POST /api/exchange/alarms/{id}/acknowledgement", Access.STRATEGIST);
		row("GET /api/exchange/rulebook", Access.READER);
		row("POST /api/exchange/rulebook/acceptance", Access.STRATEGIST);
		row("GET /api/exchange/datasets", Access.READER);
		row("POST /api/exchange/datasets", Access.STRATEGIST, null, "{\"basis\": \"CREATED\"}");
		row("GET /api/exchange/datasets/{id}", Access.READER);
		row("PUT /api/exchange/datasets/{id}", Access.STRATEGIST, null,
				"{\"version\": -1, \"dataset\": {\"title\": \"x\"}}");
		row("PUT /api/exchange/datasets/{id}/schema", Access.STRATEGIST, null, "{\"fields\": []}");
		row("POST /api/exchange/datasets/{id}/files", Access.STRATEGIST);
		row("POST /api/exchange/datasets/{id}/rights", Access.STRATEGIST, null, "{\"holder\": \"\"}");
		row("POST /api/exchange/datasets/{id}/listings", Access.STRATEGIST, null, "{\"licenceDays\": 0}");
		row("GET /api/exchange/listings", Access.READER);
		row("GET /api/exchange/listings/{id}", Access.READER);
		row("POST /api/exchange/listings/{id}/bids", Access.STRATEGIST, null, "{\"amount\": 0}");
		row("GET /api/exchange/deals", Access.READER);
		row("GET /api/exchange/deals/{id}", Access.READER);
		row("POST /api/exchange/deals/{id}/payment", Access.STRATEGIST);
		row("POST /api/exchange/deals/{id}/delivery-validation", Access.STRATEGIST);
		row("POST /api/exchange/deals/{id}/payment-validation", Access.STRATEGIST);
		row("POST /api/exchange/deals/{id}/refund", Access.STRATEGIST);
		row("POST /api/exchange/deals/{id}/deletion-attestation", Access.STRATEGIST);
		row("GET /api/exchange/deals/{id}/contract", Access.READER);
		row("POST /api/exchange/listings/{id}/withdrawal", Access.STRATEGIST);
		row("POST /exchange/listings/{id}/withdraw", Access.STRATEGIST);
		row("GET /api/exchange/deals/{id}/link", Access.STRATEGIST);
		row("GET /api/exchange/deals/{id}/download", Access.READER, "expires=1&signature=x", null);
		row("GET /exchange/deals/{id}/invoice.xml", Access.READER);
		row("GET /api/exchange/deals/{id}/invoice", Access.READER);
		row("GET /exchange/deals/{id}/credit-note.xml", Access.READER);
		row("GET /api/exchange/deals/{id}/credit-note", Access.READER);
		row("POST /exchange/deals/{id}/access-key", Access.STRATEGIST);
		row("POST /api/exchange/deals/{id}/access-key", Access.STRATEGIST);
		row("GET /api/exchange/deals/{id}/data", Access.READER);
		row("GET /api/exchange/deals/{id}/data/csv", Access.READER);
		row("GET /exchange/governance", Access.PLATFORM);
		row("GET /exchange/governance/register.csv", Access.PLATFORM);
		row("GET /exchange/governance/register.json", Access.PLATFORM);
		row("GET /api/exchange/governance", Access.PLATFORM);
		row("GET /api/exchange/governance/register", Access.PLATFORM);
		row("GET /public/exchange/datasets/{id}/file", Access.PUBLIC);
		row("GET /health", Access.READER);
		row("GET /public/health/availability.csv", Access.PUBLIC);
		row("GET /health/datasets/{id}", Access.READER);
		row("POST /health/datasets/{id}/loads", Access.STRATEGIST);
		row("GET /health/applications/new", Access.READER);
		row("POST /health/applications", Access.READER, "title=", null);
		row("GET /health/applications/{id}", Access.READER);
		row("POST /health/applications/{id}/questions", Access.STRATEGIST, "text=x", null);
		row("POST /health/applications/{id}/answers", Access.READER, "text=x", null);
		row("POST /health/applications/{id}/decision", Access.STRATEGIST, "approve=false&motivation=x", null);
		row("GET /api/health/sources", Access.READER);
		row("POST /api/health/sources", Access.STRATEGIST, null, "{\"name\": \"\"}");
		row("GET /api/health/datasets", Access.READER);
		row("POST /api/health/datasets", Access.STRATEGIST, null, "{\"title\": \"\"}");
		row("GET /api/health/datasets/{id}", Access.READER);
		row("POST /api/health/datasets/{id}/loads", Access.STRATEGIST);
		row("GET /api/health/availability", Access.READER);
		row("GET /api/health/applications", Access.READER);
		row("POST /api/health/applications", Access.READER, null, "{\"title\": \"\"}");
		row("GET /api/health/applications/{id}", Access.READER);
		row("POST /api/health/applications/{id}/questions", Access.STRATEGIST, null, "{\"text\": \"x\"}");
		row("POST /api/health/applications/{id}/answers", Access.READER, null, "{\"text\": \"x\"}");
		row("POST /api/health/applications/{id}/decision", Access.STRATEGIST, null, "{\"approve\": false}");
		row("GET /api/health/applications/{id}/access", Access.READER);
	}

	private static void row(String endpoint, Access access) {
		row(endpoint, access, null, null);
	}

	private static void row(String endpoint, Access access, String query, String body) {
		TABLE.put(endpoint, new Endpoint(access, query, body));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	DemoIds ids;

	@BeforeEach
	void ids() {
		this.ids = DemoIds.of(this.jdbc);
	}

	@Test
	void everyEndpointHasARowInTheTable() {
		assertThat(endpoints().keySet()).containsExactlyInAnyOrderElementsOf(TABLE.keySet());
	}

	@Test
	void everyEndpointDeclaresARule() {
		List<String> missing = new ArrayList<>();
		endpoints().forEach((name, method) -> {
			if (!AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
					&& !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class)) {
				missing.add(name);
			}
		});
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRoleGetsExactlyTheAccessTheTableGrants() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Endpoint> row : TABLE.entrySet()) {
			for (Caller caller : Caller.values()) {
				MvcResult result = this.mvc.perform(build(row.getKey(), row.getValue(), caller.username)).andReturn();
				int status = result.getResponse().getStatus();
				String location = result.getResponse().getRedirectedUrl();
				boolean refused = status == 401 || status == 403
						|| (status == 302 && location != null && location.endsWith("/login"));
				boolean expectedAllowed = allowed(row.getValue().access(), caller);
				if (refused == expectedAllowed) {
					wrong.add(row.getKey() + " as " + caller + ": " + status
							+ (expectedAllowed ? " (should pass)" : " (should be refused)"));
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	static boolean allowed(Access access, Caller caller) {
		return switch (access) {
			case PUBLIC -> true;
			case AUTHENTICATED, READER -> caller != Caller.ANONYMOUS;
			case REPORTER ->
				EnumSet.of(Caller.REPORTER, Caller.STRATEGIST, Caller.ADMINISTRATOR, Caller.PLATFORM).contains(caller);
			case REVIEWER ->
				EnumSet.of(Caller.REVIEWER, Caller.STRATEGIST, Caller.ADMINISTRATOR, Caller.PLATFORM).contains(caller);
			case WRITER_OR_REVIEWER -> caller != Caller.ANONYMOUS && caller != Caller.READER;
			case STRATEGIST -> EnumSet.of(Caller.STRATEGIST, Caller.ADMINISTRATOR, Caller.PLATFORM).contains(caller);
			case ADMINISTRATOR -> caller == Caller.ADMINISTRATOR || caller == Caller.PLATFORM;
			case PLATFORM -> caller == Caller.PLATFORM;
		};
	}

	/**
	 * What only Region Västerbotten's data says: none of it may reach a user of another
	 * organisation.
	 */
	static final List<String> VASTERBOTTEN_ONLY = List.of("Demo: avsnitten för prioritering 2 och 5",
			"Företag- och projektfinansiering", "Folkhälsoenheten", "Rasmus Rapportör", "Greta Granskare",
			"Partnerskapsdag", "DEMO_GHG");

	/**
	 * A strateg of Region Norrbotten calls every endpoint with Region Västerbotten's ids:
	 * each one that names a record answers 403 or 404 and changes nothing, and no answer
	 * carries Västerbotten's data.
	 */
	@Test
	void aUserOfAnotherOrganisationGetsNothingOfThisOne() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Endpoint> row : TABLE.entrySet()) {
			String endpoint = row.getKey();
			if (row.getValue().access() == Access.ADMINISTRATOR || row.getValue().access() == Access.PLATFORM
					|| row.getValue().access() == Access.PUBLIC) {
				// Nils is not an administrator; public pages are for everyone.
				continue;
			}
			MvcResult result;
			try {
				result = this.mvc.perform(build(endpoint, row.getValue(), "nils.strateg")).andReturn();
			}
			catch (Exception ex) {
				wrong.add(endpoint + ": " + ex.getCause());
				continue;
			}
			int status = result.getResponse().getStatus();
			String body = result.getResponse().getContentAsString();
			// Västerbotten's RUS is published: every organisation may read it (as on
			// /public/strategies), none may change it.
			boolean publishedStrategy = endpoint.startsWith("GET /strategies/") && !endpoint.endsWith("/edit")
					&& !endpoint.endsWith("/new") || endpoint.startsWith("GET /api/strategies/")
					|| endpoint.startsWith("GET /api/versions/") || endpoint.startsWith("GET /api/elements/");
			boolean namesARecord = !publishedStrategy && (endpoint.contains("{id}") || endpoint.contains("{productId}")
					|| endpoint.contains("{versionId}") || endpoint.contains("{contributionId}")
					|| endpoint.contains("{sectionId}"));
			if (namesARecord && status != 403 && status != 404) {
				wrong
					.add(endpoint + ": " + status + " (should be 403 or 404) " + result.getResponse().getRedirectedUrl()
							+ " " + body.substring(0, Math.min(200, body.length())));
			}
			for (String marker : VASTERBOTTEN_ONLY) {
				if (body.contains(marker)) {
					wrong.add(endpoint + ": shows \"" + marker + "\"");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private AbstractMockHttpServletRequestBuilder<?> build(String endpoint, Endpoint row, String username) {
		String[] parts = endpoint.split(" ", 2);
		String path = substitute(parts[1]);
		String url = row.query() == null ? path : path + "?" + substitute(row.query());
		AbstractMockHttpServletRequestBuilder<?> request = (endpoint.endsWith("/import") || endpoint.endsWith("/logo")
				|| endpoint.endsWith("/files") || endpoint.endsWith("/loads")) && parts[0].equals("POST")
						? multipart(url).file(new MockMultipartFile(endpoint.endsWith("/logo") ? "logo" : "file",
								"x.json", "application/json", new byte[0]))
						: request(HttpMethod.valueOf(parts[0]), url);
		if (row.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(substitute(row.body()));
		}
		request.accept(path.startsWith("/api") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
		request.with(csrf());
		if (username != null) {
			request.with(user(this.users.loadUserByUsername(username)));
		}
		return request;
	}

	private String substitute(String text) {
		return substitute(text, this.ids);
	}

	/** An endpoint pattern (or a body) with the demo region's ids in its placeholders. */
	static String substitute(String text, DemoIds ids) {
		long id;
		if (text.contains("/next")) {
			// Creating the next cycle is checked against a cycle that does not exist:
			// nothing is created.
			id = 999999;
		}
		else if (text.contains("/foresight/items/")) {
			id = ids.scanItem();
		}
		else if (text.contains("/foresight/workshops/") || text.contains("/foresight/dialogues/")
				|| text.contains("/foresight/scenarios/")) {
			// Workshops of another organisation, or none: the rule is checked, nothing is
			// changed.
			id = 999999;
		}
		else if (text.contains("/foresight/items/")) {
			id = ids.scanItem();
		}
		else if (text.contains("/exchange/")) {
			// The exchange's records are checked against ones that do not exist: nothing
			// is
			// listed, bid on or paid.
			id = 999999;
		}
		else if (text.contains("/health/")) {
			// Health data is checked against records that do not exist: nothing is
			// loaded, asked or decided.
			id = 999999;
		}
		else if (text.contains("/followup/contributions/")) {
			id = ids.contribution();
		}
		else if (text.contains("/followup/")) {
			id = ids.cycle();
		}
		else if (text.contains("/admin/users/")) {
			id = ids.readerUser();
		}
		else if (text.contains("elements/{id}") || text.contains("\"toElementId\"")) {
			id = ids.priority1();
		}
		else if (text.contains("/actors/")) {
			id = ids.actor();
		}
		else if (text.contains("/partnerships/")) {
			id = ids.partnership();
		}
		else if (text.contains("/initiatives/")) {
			id = ids.initiative();
		}
		else if (text.contains("/applications/")) {
			id = ids.application();
		}
		else if (text.contains("/indicators/") && !text.contains("/indicators/scb")) {
			id = ids.indicator();
		}
		else {
			id = ids.rus();
		}
		if (text.startsWith("/api/followup/cycles/{id}/")) {
			// The API's section and assignment changes are checked against records that
			// do
			// not exist: nothing of the demo is moved or removed.
			text = text.replace("{sectionId}", "999999").replace("{contributionId}", "999999");
		}
		return text.replace("{versionId}", String.valueOf(ids.rusVersion()))
			.replace("{strategyId}", String.valueOf(ids.rus()))
			.replace("{sectionId}", String.valueOf(ids.section()))
			.replace("{contributionId}", String.valueOf(ids.contribution()))
			// Reports are checked against a product that does not exist: nothing heavy is
			// generated.
			.replace("{productId}",
					text.contains("/report") || text.contains("/editions") ? "999999" : String.valueOf(ids.product()))
			.replace("{editionId}", "999999")
			.replace("{itemId}", "999999")
			.replace("{lessonId}", "999999")
			.replace("{proposalId}", "999999")
			.replace("{step:prepare|decide|reject}", "decide")
			.replace("{trackId}", "999999")
			.replace("{format}", "pdf")
			.replace("{slug}", "finns-inte")
			.replace("{code}", "finns-inte")
			.replace("{name}", "x")
			.replace("{linkId}", "999999")
			.replace("{tokenId}", "999999")
			.replace("{cycleId}", String.valueOf(ids.cycle()))
			.replace("{runId}", "999999")
			.replace("{subscriptionId}", "999999")
			.replace("{fundingId}", "999999")
			.replace("{effectId}", "999999")
			.replace("{view}", "sdg")
			.replace("{pseudonym}", "DN-0000000000")
			.replace("{id}", String.valueOf(id));
	}

	private Map<String, HandlerMethod> endpoints() {
		Map<String, HandlerMethod> endpoints = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("se.stratlas")) {
				continue;
			}
			Set<String> patterns = new TreeSet<>(entry.getKey().getPatternValues());
			entry.getKey()
				.getMethodsCondition()
				.getMethods()
				.forEach(method -> patterns
					.forEach(pattern -> endpoints.put(method.name() + " " + pattern, entry.getValue())));
		}
		return endpoints;
	}

}
