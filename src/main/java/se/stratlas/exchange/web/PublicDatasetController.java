package se.stratlas.exchange.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.stratlas.exchange.Deals;
import se.stratlas.exchange.OpenDatasets;
import se.stratlas.shared.tables.Downloads;

/**
 * The newest file of an open dataset, for anyone: the download URL the public DCAT
 * catalogue names. Any other dataset is not found.
 */
@Controller
class PublicDatasetController {

	private final OpenDatasets open;

	PublicDatasetController(OpenDatasets open) {
		this.open = open;
	}

	@GetMapping("/public/exchange/datasets/{id}/file")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> file(@PathVariable long id) {
		Deals.Delivery file = this.open.file(id);
		return Downloads.file(file.content(), MediaType.parseMediaType(file.mediaType()), file.filename());
	}

}
