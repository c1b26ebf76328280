package se.stratlas.reports.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.reports.Logos;
import se.stratlas.shared.NotFoundException;

/**
 * The organisation's logo for report covers in the JSON API: read it, and upload it from
 * the profile (administrator) or from a report product (strateg), as on the screens: a
 * PNG or JPEG of at most 300 KB with an alternative text.
 */
@RestController
@Tag(name = "Reports")
class LogoApiController {

	private static final String ALT_TEXT = "The logo's alternative text, read out on the report's cover";

	private final Logos logos;

	LogoApiController(Logos logos) {
		this.logos = logos;
	}

	@GetMapping("/api/admin/organisation/logo")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "organisationLogo", summary = "The organisation's logo as it was uploaded; 404 when none",
			responses = {
					@ApiResponse(responseCode = "200", description = "The logo",
							content = {
									@Content(mediaType = MediaType.IMAGE_PNG_VALUE,
											schema = @Schema(type = "string", format = "binary")),
									@Content(mediaType = MediaType.IMAGE_JPEG_VALUE,
											schema = @Schema(type = "string", format = "binary")) }),
					@ApiResponse(responseCode = "404", description = "The organisation has no logo",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(ref = "#/components/schemas/Problem"))) })
	ResponseEntity<byte[]> logo(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.logos.get(user.organisationId())
			.map(ReportFiles::logo)
			.orElseThrow(() -> new NotFoundException("logo", user.organisationId()));
	}

	@PostMapping(path = "/api/admin/organisation/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "uploadOrganisationLogo",
			summary = "Sets the organisation's logo: a PNG or JPEG of at most 300 KB, with an alternative text")
	void upload(@AuthenticationPrincipal StratlasPrincipal user, @RequestPart("logo") MultipartFile logo,
			@Parameter(description = ALT_TEXT) @RequestParam(defaultValue = "") String altText) throws IOException {
		this.logos.set(user, logo.getBytes(), altText);
	}

	@PostMapping(path = "/api/reports/cycles/{cycleId}/products/{productId}/logo",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "uploadProductLogo",
			summary = "Sets the organisation's logo from one of its report products (as the product's report page "
					+ "does): a PNG or JPEG of at most 300 KB, with an alternative text")
	void uploadFromProduct(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long cycleId,
			@PathVariable long productId, @RequestPart("logo") MultipartFile logo,
			@Parameter(description = ALT_TEXT) @RequestParam(defaultValue = "") String altText) throws IOException {
		this.logos.setFromProduct(user, cycleId, productId, logo.getBytes(), altText);
	}

}
