package se.stratlas.api;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.client.ApiClient;
import se.stratlas.client.ApiException;
import se.stratlas.client.api.FollowUpApi;
import se.stratlas.client.api.IndicatorsApi;
import se.stratlas.client.api.ReportsApi;
import se.stratlas.client.api.StrategiesApi;
import se.stratlas.client.model.AssignmentRequest;
import se.stratlas.client.model.Contribution;
import se.stratlas.client.model.CreateElement;
import se.stratlas.client.model.CreateStrategy;
import se.stratlas.client.model.Cycle;
import se.stratlas.client.model.CycleDraft;
import se.stratlas.client.model.CycleRequest;
import se.stratlas.client.model.CycleView;
import se.stratlas.client.model.Edition;
import se.stratlas.client.model.ElementDraft;
import se.stratlas.client.model.FreezeRequest;
import se.stratlas.client.model.IndicatorDefinition;
import se.stratlas.client.model.IndicatorDraft;
import se.stratlas.client.model.Product;
import se.stratlas.client.model.ProductRequest;
import se.stratlas.client.model.PublishRequest;
import se.stratlas.client.model.SaveRequest;
import se.stratlas.client.model.Section;
import se.stratlas.client.model.StateRequest;
import se.stratlas.client.model.Strategy;
import se.stratlas.client.model.StrategyDraft;
import se.stratlas.client.model.StrategyElement;
import se.stratlas.client.model.TransitionRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole report loop driven from outside, as an integration would: through the Java
 * client generated at build time from the OpenAPI document, over HTTP, signed in with
 * personal API tokens (no session, no CSRF token). A strateg sets up a strategy, imports
 * indicator values and a cycle; a reporter writes; a reviewer approves; the strateg
 * freezes an edition, waits for it and publishes it; anyone reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiClientScenarioIT {

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserDetailsService users;

	private ApiClient client(String username, List<String> scopes) {
		StratlasPrincipal user = (StratlasPrincipal) this.users.loadUserByUsername(username);
		String token = this.tokens.create(user, "Scenario " + UUID.randomUUID(), scopes, 1).secret();
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + this.port);
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	@Test
	void strategyIndicatorsCycleContributionFreezeAndPublishThroughTheGeneratedClient() throws Exception {
		List<String> all = List.of("strategy:read", "strategy:write", "indicators:read", "indicators:write",
				"followup:read", "followup:write", "reports:read", "reports:write");
		ApiClient strateg = client("sara.strateg", all);
		String suffix = UUID.randomUUID().toString().substring(0, 6);

		// A strategy with one priority.
		StrategiesApi strategies = new StrategiesApi(strateg);
		Strategy strategy = strategies.create(
				new CreateStrategy()
					.strategy(new StrategyDraft().code("API-" + suffix)
						.nameSv("Strategi via API " + suffix)
						.periodStart(2024)
						.periodEnd(2030)
						.published(false))
					.versionLabel("2024")
					.status(CreateStrategy.StatusEnum.UTKAST));
		long versionId = strategies.strategy(strategy.getId()).getVersions().getFirst().getId();
		StrategyElement priority = strategies.addElement(versionId, new CreateElement().element(
				new ElementDraft().type(ElementDraft.TypeEnum.PRIORITY).code("1").nameSv("Kompetens i hela länet")));

		// An indicator of its own and its values from a file.
		IndicatorsApi indicators = new IndicatorsApi(strateg);
		String code = "API_" + suffix.toUpperCase();
		IndicatorDefinition indicator = indicators.define(new IndicatorDraft().code(code)
			.nameSv("Deltagare i kompetensinsatser")
			.unit("antal")
			.decimals(0)
			.polarity(IndicatorDraft.PolarityEnum.HIGHER_IS_BETTER)
			.kind(IndicatorDraft.KindEnum.RESULTAT)
			.source(IndicatorDraft.SourceEnum.OWN)
			.bySex(false));
		File values = Files.createTempFile("stratlas-values", ".csv").toFile();
		Files.writeString(values.toPath(),
				"indikator;område;period;kön;värde\n" + code + ";2480;2023;T;120\n" + code + ";2480;2024;T;135\n",
				StandardCharsets.UTF_8);
		assertThat(indicators.importIndicatorValues(values).getRead()).isEqualTo(2);
		assertThat(indicators.series(indicator.getId(), List.of("2480"), "T").getFirst().getPoints()).hasSize(2);

		// A cycle from the strategy, its priority's sections given to the reporter's
		// unit.
		FollowUpApi followup = new FollowUpApi(strateg);
		Cycle cycle = followup.createCycle(
				new CycleRequest()
					.draft(new CycleDraft().name("Uppföljning via API " + suffix)
						.kind(CycleDraft.KindEnum.ANNUAL)
						.periodCode("2024")
						.strategyVersionId(versionId)
						.opensOn(LocalDate.now().minusDays(1))
						.dueOn(LocalDate.now().plusDays(14)))
					.template(CycleRequest.TemplateEnum.STRATEGY));
		StratlasPrincipal reporter = (StratlasPrincipal) this.users.loadUserByUsername("rasmus.rapportor");
		List<Long> sections = followup.cycle(cycle.getId())
			.getSections()
			.stream()
			.filter(s -> priority.getKey().equals(s.getElementKey()))
			.map(Section::getId)
			.toList();
		assertThat(sections).isNotEmpty();
		long section = sections.getFirst();
		assertThat(followup.assignSections(cycle.getId(),
				new AssignmentRequest().sectionIds(List.of(section)).unitId(reporter.unitId())))
			.isEqualTo(1);
		Cycle open = followup.moveCycle(cycle.getId(), new StateRequest().state(StateRequest.StateEnum.OPEN)
			.version(followup.cycle(cycle.getId()).getCycle().getVersion()));
		assertThat(open.getState()).isEqualTo(Cycle.StateEnum.OPEN);

		// The reporter writes and marks ready; a token cannot approve; the reviewer does.
		FollowUpApi writer = new FollowUpApi(client("rasmus.rapportor", List.of("followup:read", "followup:write")));
		CycleView view = writer.cycle(cycle.getId());
		Contribution draft = view.getContributions()
			.stream()
			.filter(c -> c.getSectionId() == section)
			.findFirst()
			.orElseThrow();
		String text = "Under 2024 deltog 135 personer i kompetensinsatser (" + suffix + ").";
		Contribution saved = writer.save(draft.getId(),
				new SaveRequest().version(draft.getVersion()).baseRevision(draft.getRevision()).body(text));
		Contribution ready = writer.transition(saved.getId(),
				new TransitionRequest().action("ready").version(saved.getVersion()));
		assertThatThrownBy(() -> writer.transition(ready.getId(),
				new TransitionRequest().action("approve").version(ready.getVersion())))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.getCode()).isIn(403, 422));
		FollowUpApi reviewer = new FollowUpApi(client("greta.granskare", List.of("followup:read", "followup:write")));
		Contribution approved = reviewer.transition(ready.getId(),
				new TransitionRequest().action("approve").version(ready.getVersion()));
		assertThat(approved.getApprovedRevision()).isNotNull();

		// A report product, an edition frozen in the background, published.
		Product product = followup.createProduct(cycle.getId(),
				new ProductRequest().name("Resultat via API " + suffix)
					.kind(ProductRequest.KindEnum.FOLLOW_UP)
					.sectionIds(sections));
		ReportsApi reports = new ReportsApi(strateg);
		Edition edition = reports.freezeEdition(cycle.getId(), product.getId(),
				new FreezeRequest().gapsConfirmed(true));
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while ("RUNNING".equals(edition.getStatus()) && System.nanoTime() < deadline) {
			Thread.sleep(300);
			edition = reports.edition(edition.getId());
		}
		assertThat(edition.getStatus()).isEqualTo("READY");
		Edition published = reports.publishEdition(edition.getId(), new PublishRequest().draftConfirmed(true));
		assertThat(published.getSlug()).isNotBlank();
		File pdf = reports.editionFile(published.getId(), "pdf");
		assertThat(new String(Files.readAllBytes(pdf.toPath()), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");

		// Anyone reads it, without signing in.
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/public/reports/" + published.getSlug()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Resultat via API " + suffix).contains("135 personer");
	}

}
