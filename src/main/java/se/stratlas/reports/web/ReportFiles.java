package se.stratlas.reports.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.stratlas.reports.ReportDocument;
import se.stratlas.reports.ReportFile;

/**
 * A report file as a download (its media type and its name as an attachment), and the
 * logo as an image.
 */
final class ReportFiles {

	private ReportFiles() {
	}

	static ResponseEntity<byte[]> attachment(ReportFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.format().mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.name() + "." + file.format().extension, StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.body());
	}

	/** The organisation's logo as it was uploaded, never cached unchecked. */
	static ResponseEntity<byte[]> logo(ReportDocument.Logo logo) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.mediaType()))
			.cacheControl(CacheControl.noCache())
			.body(logo.image());
	}

}
