package se.stratlas.reports.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.stratlas.reports.Edition;
import se.stratlas.reports.Editions;
import se.stratlas.reports.OpenData;
import se.stratlas.shared.NotFoundException;

/**
 * Published reports, open to everyone: the list, each report's page with its PDF, its
 * tables as open data (CSV and JSON), and a DCAT-AP-SE catalogue of those datasets that
 * dataportal.se can harvest.
 */
@Controller
class PublicReportController {

	private final Editions editions;

	private final FrozenReportPage frozen;

	private final OpenData openData;

	PublicReportController(Editions editions, FrozenReportPage frozen, OpenData openData) {
		this.openData = openData;
		this.frozen = frozen;
		this.editions = editions;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "public";
	}

	@GetMapping("/public/reports")
	@PreAuthorize("permitAll()")
	String list(Model model) {
		List<Map<String, Object>> reports = new ArrayList<>();
		for (Edition edition : this.editions.published()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("edition", edition);
			row.put("organisation", this.editions.organisationName(edition.organisationId()));
			reports.add(row);
		}
		model.addAttribute("reports", reports);
		return "reports/public-list";
	}

	@GetMapping("/public/reports/{slug}")
	@PreAuthorize("permitAll()")
	org.springframework.web.servlet.ModelAndView report(@PathVariable String slug, Model model, java.util.Locale locale,
			jakarta.servlet.http.HttpServletRequest request) throws Exception {
		Edition edition = this.editions.bySlug(slug).orElseThrow(() -> new NotFoundException("report", slug));
		model.addAttribute("edition", edition);
		List<Editions.Dataset> datasets = this.editions.datasets(slug);
		model.addAttribute("datasets", datasets);
		model.addAttribute("series",
				datasets.stream()
					.filter(OpenData::isSeries)
					.map(Editions.Dataset::name)
					.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("organisationCode", this.openData.organisationCode(edition));
		return this.frozen.page("reports/public", this.editions.publishedPart(slug), model, locale, request);
	}

	@GetMapping("/public/reports/{slug}/report.pdf")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> pdf(@PathVariable String slug) {
		Edition edition = this.editions.bySlug(slug).orElseThrow(() -> new NotFoundException("report", slug));
		return ReportController.file(this.editions.publishedPdf(slug), Editions.Format.PDF, edition.title());
	}

	@GetMapping("/public/reports/{slug}/data/{name}.csv")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> csv(@PathVariable String slug, @PathVariable String name) {
		Editions.Dataset dataset = this.openData.dataset(slug, name);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8; header=present"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(OpenData.fileName(dataset) + ".csv", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(OpenData.csv(dataset));
	}

	@GetMapping(path = "/public/reports/{slug}/data/{name}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("permitAll()")
	@ResponseBody
	Map<String, Object> json(@PathVariable String slug, @PathVariable String name) {
		return OpenData.json(this.openData.dataset(slug, name));
	}

	/** An indicator series as JSON-stat 2.0. */
	@GetMapping(path = "/public/reports/{slug}/data/{name}.jsonstat", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("permitAll()")
	@ResponseBody
	Map<String, Object> jsonStat(@PathVariable String slug, @PathVariable String name) {
		Edition edition = this.editions.bySlug(slug).orElseThrow(() -> new NotFoundException("report", slug));
		return OpenData.jsonStat(this.openData.dataset(slug, name),
				DateTimeFormatter.ISO_INSTANT.format(edition.publishedAt()));
	}

	/**
	 * The DCAT-AP-SE catalogue (RDF/XML) of the published datasets: of one organisation
	 * ({@code ?organisation=code}) or of all.
	 */
	@GetMapping(path = "/public/reports/catalog.rdf", produces = "application/rdf+xml")
	@PreAuthorize("permitAll()")
	@ResponseBody
	byte[] catalog(@RequestParam(required = false) String organisation) {
		return this.openData.catalog(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), organisation);
	}

	/** The publisher IRI of the catalogue resolves: the organisation, as Turtle. */
	@GetMapping(path = "/public/organisations/{code}", produces = "text/turtle")
	@PreAuthorize("permitAll()")
	@ResponseBody
	byte[] organisation(@PathVariable String code) {
		return this.openData.organisation(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), code)
			.orElseThrow(() -> new NotFoundException("organisation", code));
	}

	/** The spatial IRI of a dataset resolves: the area, as Turtle. */
	@GetMapping(path = "/public/areas/{code}", produces = "text/turtle")
	@PreAuthorize("permitAll()")
	@ResponseBody
	byte[] area(@PathVariable String code) {
		return this.openData.area(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), code)
			.orElseThrow(() -> new NotFoundException("area", code));
	}

}
