package se.stratlas.indicators.web;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.indicators.ImportRuns;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.KoladaImport;
import se.stratlas.indicators.Period;
import se.stratlas.indicators.SvgCharts;
import se.stratlas.indicators.Target;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/**
 * The indicator screens: the list, one indicator's analytics, targets, Kolada import,
 * dashboards.
 */
@Controller
class IndicatorController {

	private final IndicatorRegistry registry;

	private final IndicatorAnalytics analytics;

	private final KoladaImport kolada;

	private final ImportRuns runs;

	private final Areas areas;

	private final MessageSource messages;

	private final se.stratlas.indicators.IndicatorFileImport files;

	private final se.stratlas.indicators.AreaGroups groups;

	private final se.stratlas.indicators.KoladaRefresh refresh;

	private final se.stratlas.indicators.ScbSubscriptions scbSubscriptions;

	IndicatorController(IndicatorRegistry registry, IndicatorAnalytics analytics, KoladaImport kolada, ImportRuns runs,
			Areas areas, MessageSource messages, se.stratlas.indicators.IndicatorFileImport files,
			se.stratlas.indicators.AreaGroups groups, se.stratlas.indicators.KoladaRefresh refresh,
			se.stratlas.indicators.ScbSubscriptions scbSubscriptions) {
		this.refresh = refresh;
		this.scbSubscriptions = scbSubscriptions;
		this.files = files;
		this.groups = groups;
		this.registry = registry;
		this.analytics = analytics;
		this.kolada = kolada;
		this.runs = runs;
		this.areas = areas;
		this.messages = messages;
	}

	record DefinitionForm(String code, String nameSv, String nameEn, String description, String unit, Integer decimals,
			Polarity polarity, Kind kind, Source source, String sourceRef, Boolean bySex, String numerator,
			String denominator, Double factor) {

		IndicatorDefinition.Draft draft() {
			return new IndicatorDefinition.Draft(this.code, this.nameSv, this.nameEn, this.description, this.unit,
					this.decimals == null ? 1 : this.decimals, this.polarity, this.kind, this.source, this.sourceRef,
					Boolean.TRUE.equals(this.bySex), this.numerator, this.denominator, this.factor);
		}

		static DefinitionForm empty() {
			return new DefinitionForm(null, null, null, null, null, 1, Polarity.HIGHER_IS_BETTER, Kind.RESULTAT,
					Source.OWN, null, false, null, null, null);
		}

	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "indicators";
	}

	@GetMapping("/indicators")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return list(user, DefinitionForm.empty(), model);
	}

	private String list(StratlasPrincipal user, DefinitionForm form, Model model) {
		model.addAttribute("indicators", this.registry.definitions(user.organisationId()));
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		model.addAttribute("form", form);
		model.addAttribute("polarities", Polarity.values());
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("sources", Source.values());
		return "indicators/list";
	}

	@PostMapping("/indicators")
	@PreAuthorize("hasRole('STRATEGIST')")
	String define(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute DefinitionForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			IndicatorDefinition created = this.registry.define(user.organisationId(), form.draft(), user.username());
			redirect.addFlashAttribute("flash", "indicator.created");
			return "redirect:/indicators/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return list(user, form, model);
		}
	}

	@GetMapping("/indicators/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area, @RequestParam(defaultValue = "T") Sex sex,
			@RequestParam(required = false) List<String> compare, @RequestParam(required = false) List<Long> group,
			Model model, java.util.Locale locale) {
		area = area == null || area.isBlank() ? this.analytics.homeArea(user.organisationId()) : area;
		IndicatorDefinition indicator = this.registry.get(user.organisationId(), id);
		List<IndicatorAnalytics.Series> series = new ArrayList<>(
				this.analytics.comparison(user.organisationId(), id, area, compare == null ? List.of() : compare, sex));
		for (long groupId : group == null ? List.<Long>of()
				: group.stream().filter(java.util.Objects::nonNull).toList()) {
			series.add(this.analytics.groupSeries(user.organisationId(), id,
					this.groups.get(user.organisationId(), groupId), sex));
		}
		model.addAttribute("groups", this.groups.list(user.organisationId()));
		model.addAttribute("indicator", indicator);
		model.addAttribute("area", area);
		model.addAttribute("sex", sex);
		model.addAttribute("series", series);
		model.addAttribute("periods",
				series.stream()
					.flatMap(s -> s.points().stream())
					.map(Target.Point::period)
					.distinct()
					.sorted()
					.toList());
		model.addAttribute("chart", SvgCharts.line(indicator.nameSv(), indicator.unit(), series, locale));
		java.util.Map<String, java.util.Map<Period, Target.Point>> values = new java.util.HashMap<>();
		series.forEach(s -> {
			java.util.Map<Period, Target.Point> byPeriod = new java.util.HashMap<>();
			s.points().forEach(p -> byPeriod.put(p.period(), p));
			values.put(s.areaCode(), byPeriod);
		});
		model.addAttribute("values", values);
		model.addAttribute("incomplete",
				series.stream().flatMap(s -> s.points().stream()).anyMatch(p -> p.value() == null || p.preliminary()));
		Period latest = series.stream()
			.flatMap(s -> s.points().stream())
			.filter(p -> p.value() != null)
			.map(Target.Point::period)
			.max(Period::compareTo)
			.orElse(null);
		List<IndicatorAnalytics.Rank> ranking = latest == null ? List.of()
				: this.analytics.ranking(user.organisationId(), id, latest, sex, Area.Kind.MUNICIPALITY);
		model.addAttribute("latest", latest);
		model.addAttribute("ranking", ranking);
		model.addAttribute("rankingChart",
				ranking.isEmpty() ? null : SvgCharts.ranking(indicator.nameSv() + " " + latest.label(locale),
						indicator.unit(), ranking.size() > 30 ? ranking.subList(0, 30) : ranking, locale));
		model.addAttribute("targets", this.analytics.targets(user.organisationId(), id, area));
		model.addAttribute("genderGap",
				indicator.bySex() ? this.analytics.genderGap(user.organisationId(), id, area) : List.of());
		// The 312 areas' options are built once per home county (Areas), the home county
		// and its municipalities first; the chosen ones are marked here.
		String home = this.analytics.homeArea(user.organisationId());
		String homeLabel = this.messages.getMessage("area.home", null, locale);
		String othersLabel = this.messages.getMessage("area.others", null, locale);
		model.addAttribute("areaOptions", this.areas.optionsFor(home, List.of(area), homeLabel, othersLabel));
		model.addAttribute("compareBoxes",
				this.areas.checkboxesFor(home, compare, "compare", homeLabel,
						this.messages.getMessage("area.counties", null, locale),
						this.messages.getMessage("area.municipalities", null, locale)));
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("comparators", Target.Comparator.values());
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		model.addAttribute("thisYear", Year.now().getValue());
		model.addAttribute("subscribed", this.refresh.subscribed(id));
		return "indicators/indicator";
	}

	@GetMapping("/indicators/{id}/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area, @RequestParam(defaultValue = "T") Sex sex,
			@RequestParam(defaultValue = "csv") String format) {
		area = area == null || area.isBlank() ? this.analytics.homeArea(user.organisationId()) : area;
		IndicatorDefinition indicator = this.registry.get(user.organisationId(), id);
		List<List<Object>> rows = new ArrayList<>();
		for (IndicatorAnalytics.Series s : this.analytics.comparison(user.organisationId(), id, area, List.of(), sex)) {
			for (Target.Point point : s.points()) {
				// A missing value is an empty cell with its reason, never 0; a
				// preliminary one
				// says so.
				List<Object> row = new ArrayList<>(
						List.of(indicator.code(), s.areaCode(), s.areaName(), point.period().code(), sex.name()));
				row.add(point.value());
				row.add(point.value() == null ? "" : point.preliminary() ? "preliminär" : "definitiv");
				row.add(point.missing() == null ? "" : point.missing().label(java.util.Locale.forLanguageTag("sv")));
				rows.add(row);
			}
		}
		Table table = new Table(indicator.code(),
				List.of("indikator", "områdeskod", "område", "period", "kön", "värde", "status", "saknas"), rows);
		byte[] body = "xlsx".equals(format) ? TableFiles.xlsx(List.of(table)) : TableFiles.csv(table);
		return ResponseEntity.ok()
			.contentType("xlsx".equals(format)
					? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
					: MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(indicator.code() + "." + format).build().toString())
			.body(body);
	}

	@GetMapping("/indicators/{id}/chart.svg")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<String> chart(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area, @RequestParam(defaultValue = "T") Sex sex) {
		area = area == null || area.isBlank() ? this.analytics.homeArea(user.organisationId()) : area;
		IndicatorDefinition indicator = this.registry.get(user.organisationId(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(indicator.code() + ".svg").build().toString())
			.body(SvgCharts.line(indicator.nameSv(), indicator.unit(),
					this.analytics.comparison(user.organisationId(), id, area, List.of(), sex)));
	}

	@GetMapping("/indicators/{id}/chart.png")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> chartPng(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area, @RequestParam(defaultValue = "T") Sex sex) {
		area = area == null || area.isBlank() ? this.analytics.homeArea(user.organisationId()) : area;
		IndicatorDefinition indicator = this.registry.get(user.organisationId(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(indicator.code() + ".png").build().toString())
			.body(se.stratlas.indicators.PngCharts.line(indicator.nameSv(), indicator.unit(),
					this.analytics.comparison(user.organisationId(), id, area, List.of(), sex)));
	}

	@PostMapping("/indicators/{id}/targets")
	@PreAuthorize("hasRole('STRATEGIST')")
	String addTarget(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String areaCode, @RequestParam(defaultValue = "T") Sex sex,
			@RequestParam(required = false) Target.Comparator comparator, @RequestParam(required = false) Double value,
			@RequestParam(defaultValue = "false") boolean relative, @RequestParam(required = false) String deadline,
			@RequestParam(required = false) String baseline, @RequestParam(required = false) String note, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.registry.addTarget(user.organisationId(), id, areaCode == null || areaCode.isBlank() ? null : areaCode,
					sex, comparator, value, relative, deadline, baseline, note, user.username());
			redirect.addFlashAttribute("flash", "target.created");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("targetErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/indicators/" + id;
	}

	@PostMapping("/indicators/{id}/kolada")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importKolada(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "2010") int from, @RequestParam(required = false) Integer to,
			RedirectAttributes redirect) {
		IndicatorDefinition indicator = this.registry.get(user.organisationId(), id);
		int last = to == null ? Year.now().getValue() - 1 : to;
		// The home county with its municipalities, and Sweden to compare with.
		List<String> codes = new ArrayList<>(
				this.areas.homeAreas(this.analytics.homeArea(user.organisationId())).stream().map(Area::code).toList());
		if (!codes.contains(Areas.SWEDEN)) {
			codes.add(Areas.SWEDEN);
		}
		KoladaImport.Started started = this.kolada.start(user.organisationId(), indicator.code(), codes,
				IntStream.rangeClosed(Math.min(from, last), last).boxed().toList(), user.username());
		return "redirect:/indicators/runs/" + started.runId();
	}

	@PostMapping("/indicators/{id}/refresh")
	@PreAuthorize("hasRole('STRATEGIST')")
	String subscribe(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean on, Locale locale, RedirectAttributes redirect) {
		try {
			this.refresh.subscribe(user.organisationId(), id, on);
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("targetErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/indicators/" + id;
	}

	@GetMapping("/indicators/runs/{runId}")
	@PreAuthorize("hasRole('READER')")
	String run(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long runId,
			@org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("run", this.runs.run(user.organisationId(), runId));
		return htmx != null ? "indicators/run :: progress" : "indicators/run";
	}

	@GetMapping("/indicators/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importForm(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("columns", se.stratlas.indicators.IndicatorFileImport.COLUMNS);
		model.addAttribute("subscriptions", this.scbSubscriptions.list(user.organisationId()));
		return "indicators/import";
	}

	/**
	 * Reads "Dimension=value,value" lines (one per dimension) into a PxWeb selection.
	 * @throws ValidationException naming the line that is not of that form
	 */
	static java.util.Map<String, List<String>> selection(String text) {
		java.util.Map<String, List<String>> selection = new java.util.LinkedHashMap<>();
		if (text == null) {
			return selection;
		}
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int equals = line.indexOf('=');
			String dimension = equals < 0 ? "" : line.substring(0, equals).strip();
			List<String> values = equals < 0 ? List.of()
					: java.util.Arrays.stream(line.substring(equals + 1).split(","))
						.map(String::strip)
						.filter(v -> !v.isEmpty())
						.toList();
			if (!dimension.matches("[A-Za-z0-9_]{1,40}") || values.isEmpty()) {
				throw new ValidationException("selection", "indicator.scb.selectionLine", line.strip());
			}
			selection.put(dimension, values);
		}
		return selection;
	}

	@PostMapping("/indicators/import/scb")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importScb(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(defaultValue = "") String table,
			@RequestParam(defaultValue = "") String selection, @RequestParam(defaultValue = "false") boolean subscribe,
			Model model, Locale locale) {
		try {
			java.util.Map<String, List<String>> parsed = selection(selection);
			if (!table.strip().matches("[A-Za-z0-9_]{1,40}")) {
				throw new ValidationException("table", "indicator.scb.table");
			}
			if (parsed.isEmpty()) {
				throw new ValidationException("selection", "indicator.scb.selection");
			}
			if (subscribe) {
				this.scbSubscriptions.subscribe(user.organisationId(), table.strip(), parsed, user.username());
			}
			return "redirect:/indicators/runs/"
					+ this.files.startScb(user.organisationId(), table.strip(), parsed, user.username()).runId();
		}
		catch (ValidationException ex) {
			model.addAttribute("scbErrors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("scbTable", table);
			model.addAttribute("scbSelection", selection);
			return importForm(user, model);
		}
	}

	@PostMapping("/indicators/scb-subscriptions/{subscriptionId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String unsubscribe(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long subscriptionId,
			RedirectAttributes redirect) {
		this.scbSubscriptions.unsubscribe(user.organisationId(), subscriptionId);
		redirect.addFlashAttribute("flash", "indicator.scb.unsubscribed");
		return "redirect:/indicators/import";
	}

	@GetMapping("/indicators/import/template")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "xlsx") String format) {
		boolean csv = "csv".equals(format);
		return ResponseEntity.ok()
			.contentType(csv ? MediaType.parseMediaType("text/csv; charset=UTF-8")
					: MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(csv ? "indikatorvarden-mall.csv" : "indikatorvarden-mall.xlsx")
						.build()
						.toString())
			.body(csv ? this.files.templateCsv(user.organisationId()) : this.files.template(user.organisationId()));
	}

	@PostMapping("/indicators/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importFile(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file, Model model)
			throws java.io.IOException {
		if (file.isEmpty()) {
			model.addAttribute("filename", file.getOriginalFilename());
			model.addAttribute("problems",
					List.of(se.stratlas.shared.tables.ImportProblem.at("fil", "the file is empty")));
			return importForm(user, model);
		}
		// The import runs in the background; its run page shows how far it has come and
		// what it found.
		return "redirect:/indicators/runs/"
				+ this.files.start(user.organisationId(), file.getOriginalFilename(), file.getBytes(), user.username())
					.runId();
	}

	@GetMapping("/indicators/groups")
	@PreAuthorize("hasRole('READER')")
	String groups(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("groups", this.groups.list(user.organisationId()));
		model.addAttribute("municipalities", this.areas.municipalities());
		model.addAttribute("areaNames",
				this.areas.all().stream().collect(java.util.stream.Collectors.toMap(Area::code, Area::name)));
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		return "indicators/groups";
	}

	@PostMapping("/indicators/groups")
	@PreAuthorize("hasRole('STRATEGIST')")
	String createGroup(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> areaCodes, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.groups.create(user.organisationId(), name, areaCodes, user.username());
			redirect.addFlashAttribute("flash", "group.created");
			return "redirect:/indicators/groups";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return groups(user, model);
		}
	}

	@GetMapping("/indicators/runs")
	@PreAuthorize("hasRole('READER')")
	String runs(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("runs", this.runs.runs(user.organisationId()));
		return "indicators/runs";
	}

	@GetMapping("/indicators/dashboard")
	@PreAuthorize("hasRole('READER')")
	String dashboard(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam UUID element,
			@RequestParam(required = false) String area, @RequestParam(required = false) String title, Model model,
			java.util.Locale locale) {
		String home = this.analytics.homeArea(user.organisationId());
		area = area == null || area.isBlank() ? home : area;
		model.addAttribute("rows", this.analytics.dashboard(user.organisationId(), element, area));
		model.addAttribute("element", element);
		model.addAttribute("area", area);
		model.addAttribute("areaName", this.areas.name(area));
		// Not "title": the layout's fragment parameter has that name.
		model.addAttribute("elementTitle", title);
		model.addAttribute("areaOptions",
				this.areas.optionsFor(home, List.of(area), this.messages.getMessage("area.home", null, locale),
						this.messages.getMessage("area.others", null, locale)));
		return "indicators/dashboard";
	}

}
