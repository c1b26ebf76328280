package se.stratlas.reports.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.reports.Edition;
import se.stratlas.reports.Editions;
import se.stratlas.reports.PublishedEditions;
import se.stratlas.reports.Reports;

/**
 * Reports through the API: what is open before freezing, freezing an edition (made in the
 * background; its state shows how far it has come), its files, publishing it.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Gaps before freezing, editions, publishing")
class ReportApiController {

	/** Freezing: the gaps listed before must be confirmed when there are any. */
	record FreezeRequest(boolean gapsConfirmed) {
	}

	/** Publishing: a draft edition is published only when that is confirmed. */
	record PublishRequest(boolean draftConfirmed) {
	}

	private final Reports reports;

	private final Editions editions;

	private final PublishedEditions published;

	ReportApiController(Reports reports, Editions editions, PublishedEditions published) {
		this.published = published;
		this.reports = reports;
		this.editions = editions;
	}

	@GetMapping("/cycles/{cycleId}/products/{productId}/gaps")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "productGaps",
			summary = "What is open in the product: sections nobody was given, texts not approved, questions "
					+ "without an answer")
	List<Reports.Gap> gaps(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long cycleId,
			@PathVariable long productId) {
		return this.reports.gaps(user.organisationId(), cycleId, productId);
	}

	@PostMapping("/cycles/{cycleId}/products/{productId}/editions")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "freezeEdition",
			summary = "Freezes an edition in every format, in the background (202; poll the edition); "
					+ "422 when gaps are not confirmed, 429 while the same report is being made")
	ResponseEntity<Edition> freeze(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long cycleId,
			@PathVariable long productId, @RequestBody FreezeRequest request) {
		Edition edition = this.editions.start(user, cycleId, productId, request.gapsConfirmed());
		return ResponseEntity.accepted().location(URI.create("/api/reports/editions/" + edition.id())).body(edition);
	}

	@GetMapping("/editions/{editionId}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "edition",
			summary = "An edition: its state (RUNNING, READY, FAILED, INTERRUPTED) and progress")
	Edition edition(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long editionId) {
		return this.editions.get(user.organisationId(), editionId);
	}

	@GetMapping("/editions/{editionId}/files/{format}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "editionFile",
			summary = "A ready edition's file as frozen: pdf, docx or xlsx (404 for another format, or while the "
					+ "edition is not ready)",
			responses = @ApiResponse(responseCode = "200", description = "The file, as an attachment", content = {
					@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
							schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
							schema = @Schema(type = "string", format = "binary")) }))
	ResponseEntity<byte[]> editionFile(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long editionId,
			@Parameter(description = "The file's format", schema = @Schema(type = "string",
					allowableValues = { "pdf", "docx", "xlsx" })) @PathVariable String format) {
		return ReportFiles
			.attachment(this.editions.download(user.organisationId(), editionId, Editions.Format.of(format)));
	}

	@PostMapping("/editions/{editionId}/publish")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "publishEdition",
			summary = "Publishes a ready edition: a public page, its PDF and open data")
	Edition publish(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long editionId,
			@RequestBody PublishRequest request) {
		return this.published.publish(user, editionId, request.draftConfirmed());
	}

}
