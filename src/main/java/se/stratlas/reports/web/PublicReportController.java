package se.stratlas.reports.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.stratlas.reports.DataCatalogue;
import se.stratlas.reports.OpenData;
import se.stratlas.reports.PublishedEditions;
import se.stratlas.shared.NotFoundException;

/**
 * Published reports, open to everyone: the list, each report's page with its PDF, its
 * tables as open data (CSV, JSON and JSON-stat), and a DCAT-AP-SE catalogue of those
 * datasets that dataportal.se can harvest.
 */
@Controller
class PublicReportController {

	private final PublishedEditions published;

	private final FrozenReportPage frozen;

	private final OpenData openData;

	private final DataCatalogue catalogue;

	PublicReportController(PublishedEditions published, FrozenReportPage frozen, OpenData openData,
			DataCatalogue catalogue) {
		this.published = published;
		this.frozen = frozen;
		this.openData = openData;
		this.catalogue = catalogue;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "public";
	}

	@GetMapping("/public/reports")
	@PreAuthorize("permitAll()")
	String list(Model model) {
		model.addAttribute("reports", this.published.listing());
		return "reports/public-list";
	}

	@GetMapping("/public/reports/{slug}")
	@PreAuthorize("permitAll()")
	ModelAndView report(@PathVariable String slug, Model model, Locale locale, HttpServletRequest request)
			throws Exception {
		PublishedEditions.Page page = this.published.page(slug);
		model.addAttribute("edition", page.edition());
		model.addAttribute("datasets", page.datasets());
		model.addAttribute("series", page.series());
		model.addAttribute("organisationCode", page.organisationCode());
		return this.frozen.page("reports/public", page.report(), model, locale, request);
	}

	@GetMapping("/public/reports/{slug}/report.pdf")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> pdf(@PathVariable String slug) {
		return ReportFiles.attachment(this.published.pdf(slug));
	}

	@GetMapping("/public/reports/{slug}/data/{name}.csv")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> csv(@PathVariable String slug, @PathVariable String name) {
		OpenData.CsvFile file = this.openData.csv(slug, name);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8; header=present"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(file.body());
	}

	@GetMapping(path = "/public/reports/{slug}/data/{name}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("permitAll()")
	@ResponseBody
	Map<String, Object> json(@PathVariable String slug, @PathVariable String name) {
		return this.openData.json(slug, name);
	}

	/** An indicator series as JSON-stat 2.0. */
	@GetMapping(path = "/public/reports/{slug}/data/{name}.jsonstat", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("permitAll()")
	@ResponseBody
	Map<String, Object> jsonStat(@PathVariable String slug, @PathVariable String name) {
		return this.openData.jsonStat(slug, name);
	}

	/**
	 * The DCAT-AP-SE catalogue (RDF/XML) of the published datasets: of one organisation
	 * ({@code ?organisation=code}) or of all.
	 */
	@GetMapping(path = "/public/reports/catalog.rdf", produces = "application/rdf+xml")
	@PreAuthorize("permitAll()")
	@ResponseBody
	byte[] catalog(@RequestParam(required = false) String organisation) {
		return this.catalogue.catalog(base(), organisation);
	}

	/** The publisher IRI of the catalogue resolves: the organisation, as Turtle. */
	@GetMapping(path = "/public/organisations/{code}", produces = "text/turtle")
	@PreAuthorize("permitAll()")
	@ResponseBody
	byte[] organisation(@PathVariable String code) {
		return this.catalogue.organisation(base(), code).orElseThrow(() -> new NotFoundException("organisation", code));
	}

	/** The spatial IRI of a dataset resolves: the area, as Turtle. */
	@GetMapping(path = "/public/areas/{code}", produces = "text/turtle")
	@PreAuthorize("permitAll()")
	@ResponseBody
	byte[] area(@PathVariable String code) {
		return this.catalogue.area(base(), code).orElseThrow(() -> new NotFoundException("area", code));
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

}
