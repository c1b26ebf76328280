package se.stratlas.indicators.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Area;
import se.stratlas.indicators.ImportRuns;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorDashboards;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorFileImport;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.KoladaClient;
import se.stratlas.indicators.KoladaImport;
import se.stratlas.indicators.Period;
import se.stratlas.indicators.ScbClient;
import se.stratlas.indicators.Target;

/** The indicators JSON API: definitions, analytics and imports. */
@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Indicators", description = "Definitions, values, targets, analytics and imports")
class IndicatorApiController {

	private final IndicatorRegistry registry;

	private final IndicatorAnalytics analytics;

	private final IndicatorDashboards dashboards;

	private final KoladaImport kolada;

	private final IndicatorFileImport files;

	private final ImportRuns runs;

	IndicatorApiController(IndicatorRegistry registry, IndicatorAnalytics analytics, IndicatorDashboards dashboards,
			KoladaImport kolada, IndicatorFileImport files, ImportRuns runs) {
		this.registry = registry;
		this.analytics = analytics;
		this.dashboards = dashboards;
		this.kolada = kolada;
		this.files = files;
		this.runs = runs;
	}

	record KoladaRequest(@Nullable List<String> areas, @Nullable List<Integer> years) {
	}

	record ScbRequest(String table, Map<String, List<String>> selection) {
	}

	@GetMapping
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The organisation's indicator definitions")
	List<IndicatorDefinition> definitions(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.registry.definitions(user.organisationId());
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define an indicator (computed ones with numerator, denominator and factor)")
	IndicatorDefinition define(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody IndicatorDefinition.Draft draft) {
		return this.registry.define(user.organisationId(), draft, user.username());
	}

	@GetMapping("/{id}/series")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Values over time for areas (default: the organisation's home area) and a sex")
	List<IndicatorAnalytics.Series> series(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) List<String> area, @RequestParam(defaultValue = "T") Sex sex) {
		return this.analytics.series(user.organisationId(), id, area, sex);
	}

	@GetMapping("/{id}/ranking")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "All municipalities (or counties) ranked for a period; compared with others, not a target")
	List<IndicatorAnalytics.Rank> ranking(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@Parameter(description = "A period code: 2024, 2024H1, 2021T1, 2024Q2, 2024-05",
					schema = @Schema(type = "string", example = "2024")) @RequestParam Period period,
			@RequestParam(defaultValue = "T") Sex sex, @RequestParam(defaultValue = "MUNICIPALITY") Area.Kind level) {
		return this.analytics.ranking(user.organisationId(), id, period, sex, level);
	}

	@GetMapping("/{id}/gender-gap")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Women minus men and women divided by men per period")
	List<IndicatorAnalytics.GenderGap> genderGap(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area) {
		return this.analytics.genderGap(user.organisationId(), id, area);
	}

	@GetMapping("/{id}/county-aggregate")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The county's value from its municipalities: sum, or weighted by another indicator")
	List<Target.Point> countyAggregate(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String county, @RequestParam(defaultValue = "T") Sex sex,
			@RequestParam(required = false) Long weight) {
		return this.analytics.countyAggregate(user.organisationId(), id, county, sex, weight);
	}

	@GetMapping("/{id}/targets")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The indicator's targets with their status (met, on track, off track, no data)")
	List<IndicatorDashboards.TargetStatus> targets(@AuthenticationPrincipal StratlasPrincipal user,
			@PathVariable long id, @RequestParam(required = false) String area) {
		return this.dashboards.targets(user.organisationId(), id, area);
	}

	@GetMapping("/dashboard")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Latest value, change, target status and band of the indicators linked to a strategy element")
	List<IndicatorDashboards.DashboardRow> dashboard(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam UUID element, @RequestParam(required = false) String area) {
		return this.dashboards.dashboard(user.organisationId(), element, area);
	}

	@PostMapping("/{id}/kolada")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Fetch the indicator's Kolada KPI for areas and years (idempotent, all or nothing)")
	KoladaImport.Result importKolada(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody KoladaRequest body) {
		return this.kolada.importFor(user.organisationId(), id, body.areas(), body.years(), user.username());
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "importIndicatorValues",
			summary = "Import values from a CSV or XLSX file in Stratlas's template (all or nothing; "
					+ "422 names the row and column of every problem)")
	IndicatorFileImport.Result importFile(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestPart("file") MultipartFile file) throws IOException {
		return this.files.importFile(user.organisationId(), file.getOriginalFilename(), file.getBytes(),
				user.username());
	}

	@PostMapping("/scb")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Fetch an SCB table (PxWeb v2, JSON-stat 2.0) into the indicators whose source ids match")
	IndicatorFileImport.Result importScb(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody ScbRequest body) {
		return this.files.importScb(user.organisationId(), body.table(), body.selection(), user.username());
	}

	@GetMapping("/runs")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The log of import runs")
	List<ImportRuns.Run> runs(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.runs.runs(user.organisationId());
	}

	@ExceptionHandler({ KoladaClient.KoladaException.class, ScbClient.ScbException.class })
	ProblemDetail sourceFailed(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("The source could not be read");
		return problem;
	}

}
