package se.stratlas.indicators.web;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.indicators.IndicatorFileImport;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorPages;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/**
 * Files to download from the indicator screens: an indicator's values (CSV or XLSX), its
 * chart (SVG or PNG), and the template for importing values.
 */
@Controller
class IndicatorDownloadController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

	private final IndicatorPages pages;

	private final IndicatorFileImport files;

	IndicatorDownloadController(IndicatorPages pages, IndicatorFileImport files) {
		this.pages = pages;
		this.files = files;
	}

	private static <T> ResponseEntity<T> attachment(MediaType type, String filename, T body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

	@GetMapping("/indicators/{id}/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area, @RequestParam(defaultValue = "T") Sex sex,
			@RequestParam(defaultValue = "csv") String format) {
		Table table = this.pages.export(user.organisationId(), id, area, sex);
		boolean xlsx = "xlsx".equals(format);
		return attachment(xlsx ? XLSX : CSV, table.name() + "." + format,
				xlsx ? TableFiles.xlsx(List.of(table)) : TableFiles.csv(table));
	}

	@GetMapping("/indicators/{id}/chart.svg")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<String> chart(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area, @RequestParam(defaultValue = "T") Sex sex) {
		IndicatorPages.Chart<String> chart = this.pages.chartSvg(user.organisationId(), id, area, sex);
		return attachment(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"), chart.code() + ".svg", chart.body());
	}

	@GetMapping("/indicators/{id}/chart.png")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> chartPng(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area, @RequestParam(defaultValue = "T") Sex sex) {
		IndicatorPages.Chart<byte[]> chart = this.pages.chartPng(user.organisationId(), id, area, sex);
		return attachment(MediaType.IMAGE_PNG, chart.code() + ".png", chart.body());
	}

	@GetMapping("/indicators/import/template")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "xlsx") String format) {
		boolean csv = "csv".equals(format);
		return attachment(csv ? CSV : XLSX, csv ? "indikatorvarden-mall.csv" : "indikatorvarden-mall.xlsx",
				csv ? this.files.templateCsv(user.organisationId()) : this.files.template(user.organisationId()));
	}

}
