package se.stratlas.health.web;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.health.Availability;
import se.stratlas.health.HealthCatalog;
import se.stratlas.health.HealthDataset;
import se.stratlas.health.HealthPages;
import se.stratlas.health.HealthSource;
import se.stratlas.health.QualityLabel;

/**
 * Health data sources, datasets, loads with their quality label, and the availability
 * overview in the JSON API (applications: {@link HealthApplicationApiController}).
 */
@RestController
@RequestMapping("/api/health")
@Tag(name = "Health data", description = "Health data sources, datasets, quality labels and availability")
class HealthApiController {

	private final HealthCatalog catalog;

	private final HealthPages pages;

	private final Availability availability;

	HealthApiController(HealthCatalog catalog, HealthPages pages, Availability availability) {
		this.catalog = catalog;
		this.pages = pages;
		this.availability = availability;
	}

	@GetMapping("/sources")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "healthSources", summary = "The health data sources of the instance")
	List<HealthSource> sources() {
		return this.catalog.sources();
	}

	@PostMapping("/sources")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createHealthSource", summary = "Registers a health data source of the organisation")
	HealthSource createSource(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody HealthSource.Draft draft) {
		return this.catalog.createSource(user, draft, null);
	}

	@GetMapping("/datasets")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "healthDatasets", summary = "The health datasets with their variables and quality labels")
	List<HealthDataset> datasets() {
		return this.catalog.datasets();
	}

	@PostMapping("/datasets")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createHealthDataset",
			summary = "Registers a dataset of one of the organisation's sources with its variables and labels")
	HealthDataset createDataset(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody HealthDataset.Draft draft) {
		return this.catalog.createDataset(user, draft, null);
	}

	@GetMapping("/datasets/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "healthDataset", summary = "One health dataset, its source and its quality label history")
	HealthPages.DatasetPage dataset(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.pages.dataset(user, id);
	}

	@PostMapping(path = "/datasets/{id}/loads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "loadHealthDataset",
			summary = "Loads a file of rows (.csv or .xlsx, a header naming the variables) and measures its quality")
	QualityLabel load(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		return this.catalog.load(user, id, file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/availability")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "healthAvailability",
			summary = "Datasets, research links, applications, decisions and median turnaround against the goal")
	Availability.Overview availability() {
		return this.availability.overview();
	}

}
