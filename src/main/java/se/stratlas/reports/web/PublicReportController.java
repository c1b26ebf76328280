package se.stratlas.reports.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.stratlas.followup.Markdown;
import se.stratlas.reports.Edition;
import se.stratlas.reports.Editions;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/**
 * Published reports, open to everyone: the list, each report's page with its PDF, its
 * tables as open data (CSV and JSON), and a DCAT-AP-SE catalogue of those datasets that
 * dataportal.se can harvest.
 */
@Controller
class PublicReportController {

	private static final String LICENSE = "http://creativecommons.org/publicdomain/zero/1.0/";

	private final Editions editions;

	private final FrozenReportPage frozen;

	PublicReportController(Editions editions, FrozenReportPage frozen) {
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
		model.addAttribute("datasets", this.editions.datasets(slug));
		return this.frozen.page("reports/public", this.editions.publishedPart(slug), model, locale, request);
	}

	@GetMapping("/public/reports/{slug}/report.pdf")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> pdf(@PathVariable String slug) {
		Edition edition = this.editions.bySlug(slug).orElseThrow(() -> new NotFoundException("report", slug));
		return ReportController.file(this.editions.publishedPdf(slug), Editions.Format.PDF, edition.title());
	}

	private Editions.Dataset dataset(String slug, String name) {
		return this.editions.datasets(slug)
			.stream()
			.filter(d -> d.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("dataset", name));
	}

	@GetMapping("/public/reports/{slug}/data/{name}.csv")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> csv(@PathVariable String slug, @PathVariable String name) {
		Editions.Dataset dataset = dataset(slug, name);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.body(TableFiles.csv(new Table(dataset.caption(), dataset.headers(), dataset.rows())));
	}

	@GetMapping(path = "/public/reports/{slug}/data/{name}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("permitAll()")
	@ResponseBody
	Map<String, Object> json(@PathVariable String slug, @PathVariable String name) {
		Editions.Dataset dataset = dataset(slug, name);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (List<Object> row : dataset.rows()) {
			Map<String, Object> record = new LinkedHashMap<>();
			for (int c = 0; c < dataset.headers().size() && c < row.size(); c++) {
				record.put(dataset.headers().get(c), row.get(c));
			}
			rows.add(record);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", dataset.caption());
		body.put("columns", dataset.headers());
		body.put("rows", rows);
		return body;
	}

	/** The DCAT-AP-SE catalogue (RDF/XML) of every published dataset. */
	@GetMapping(path = "/public/reports/catalog.rdf", produces = "application/rdf+xml")
	@PreAuthorize("permitAll()")
	@ResponseBody
	byte[] catalog() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		StringBuilder rdf = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"
				  xmlns:dcterms="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/"
				  xmlns:vcard="http://www.w3.org/2006/vcard/ns#">
				""");
		rdf.append("<dcat:Catalog rdf:about=\"")
			.append(x(base))
			.append("/public/reports/catalog.rdf\">")
			.append("<dcterms:title xml:lang=\"sv\">Öppna data ur publicerade uppföljningsrapporter</dcterms:title>")
			.append("<dcterms:description xml:lang=\"sv\">Tabeller ur de rapporter som har publicerats i Stratlas: ")
			.append("indikatorer, insatser, ekonomi och måluppfyllelse.</dcterms:description>")
			.append("<dcterms:publisher><foaf:Agent rdf:about=\"")
			.append(x(base))
			.append("/public/reports#utgivare\"><foaf:name>Stratlas</foaf:name></foaf:Agent></dcterms:publisher>")
			.append("<dcterms:license rdf:resource=\"")
			.append(LICENSE)
			.append("\"/>");
		for (Edition edition : this.editions.published()) {
			String organisation = this.editions.organisationName(edition.organisationId());
			String page = base + "/public/reports/" + edition.slug();
			for (Editions.Dataset dataset : this.editions.datasets(edition.slug())) {
				String uri = page + "/data/" + dataset.name();
				rdf.append("<dcat:dataset><dcat:Dataset rdf:about=\"")
					.append(x(uri))
					.append("\">")
					.append("<dcterms:title xml:lang=\"sv\">")
					.append(x(dataset.caption()))
					.append("</dcterms:title>")
					.append("<dcterms:description xml:lang=\"sv\">")
					.append(x("Tabell ur " + edition.title() + ", utgåva " + edition.number() + ". Kolumner: "
							+ String.join(", ", dataset.headers()) + "."))
					.append("</dcterms:description>")
					.append("<dcterms:issued rdf:datatype=\"http://www.w3.org/2001/XMLSchema#dateTime\">")
					.append(DateTimeFormatter.ISO_INSTANT.format(edition.publishedAt()))
					.append("</dcterms:issued>")
					.append("<dcterms:publisher><foaf:Agent><foaf:name>")
					.append(x(organisation))
					.append("</foaf:name><dcterms:type rdf:resource=\"http://purl.org/adms/publishertype/RegionalAuthority\"/>")
					.append("</foaf:Agent></dcterms:publisher>")
					.append("<dcat:contactPoint><vcard:Organization><vcard:fn>")
					.append(x(organisation))
					.append("</vcard:fn><vcard:hasURL rdf:resource=\"")
					.append(x(page))
					.append("\"/></vcard:Organization></dcat:contactPoint>")
					.append("<dcat:landingPage rdf:resource=\"")
					.append(x(page))
					.append("\"/>");
				distribution(rdf, uri + ".csv", "CSV", "text/csv");
				distribution(rdf, uri + ".json", "JSON", "application/json");
				rdf.append("</dcat:Dataset></dcat:dataset>");
			}
		}
		rdf.append("</dcat:Catalog></rdf:RDF>\n");
		return rdf.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void distribution(StringBuilder rdf, String url, String format, String mediaType) {
		rdf.append("<dcat:distribution><dcat:Distribution rdf:about=\"")
			.append(x(url))
			.append("\">")
			.append("<dcterms:title xml:lang=\"sv\">")
			.append(format)
			.append("</dcterms:title>")
			.append("<dcat:accessURL rdf:resource=\"")
			.append(x(url))
			.append("\"/>")
			.append("<dcat:downloadURL rdf:resource=\"")
			.append(x(url))
			.append("\"/>")
			.append("<dcterms:format rdf:resource=\"http://publications.europa.eu/resource/authority/file-type/")
			.append(format)
			.append("\"/>")
			.append("<dcat:mediaType rdf:resource=\"http://www.iana.org/assignments/media-types/")
			.append(mediaType)
			.append("\"/>")
			.append("<dcterms:license rdf:resource=\"")
			.append(LICENSE)
			.append("\"/></dcat:Distribution></dcat:distribution>");
	}

	private static String x(String text) {
		return Markdown.escape(text);
	}

}
