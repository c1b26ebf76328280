package se.stratlas.archive.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.archive.OrganisationArchive;

/**
 * The organisation's archive for administrators: a screen that says what it holds and how
 * to restore it, its download, and the same download in the API.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "Archive", description = "The organisation's whole data as one archive")
class ArchiveController {

	private final OrganisationArchive archive;

	ArchiveController(OrganisationArchive archive) {
		this.archive = archive;
	}

	@GetMapping("/admin/archive")
	String page(@AuthenticationPrincipal StratlasPrincipal admin, Model model) {
		model.addAttribute("events", this.archive.history(admin.organisationId()));
		return "archive/archive";
	}

	@GetMapping("/admin/archive/download")
	void download(@AuthenticationPrincipal StratlasPrincipal admin, HttpServletResponse response) throws IOException {
		write(admin, response);
	}

	@GetMapping("/api/admin/archive")
	@Operation(summary = "The organisation's archive (ZIP): every table's rows in PostgreSQL COPY text format "
			+ "and manifest.json with schema version, columns, row counts and SHA-256; "
			+ "restored with stratlas.restore on an empty instance")
	void api(@AuthenticationPrincipal StratlasPrincipal admin, HttpServletResponse response) throws IOException {
		write(admin, response);
	}

	private void write(StratlasPrincipal admin, HttpServletResponse response) throws IOException {
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(this.archive.fileName(admin.organisationId()))
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.archive.export(admin.organisationId(), admin.username(), response.getOutputStream());
		response.flushBuffer();
	}

}
