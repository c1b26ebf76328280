package se.stratlas.exchange.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.DataApi;
import se.stratlas.exchange.Deals;
import se.stratlas.shared.tables.Downloads;

/**
 * Delivery through the policy-checked data API: the buyer's access key, and the rows per
 * request (JSON or CSV) with the key in the {@value #KEY} header. A call the licence
 * refuses is a problem detail naming the reason: 403, or 409 when the volume a day is
 * used up.
 */
@RestController
@RequestMapping("/api/exchange/deals")
@Tag(name = "Exchange", description = "The data exchange: datasets, rights, listings and bids")
class DataApiController {

	/** The header that carries the deal's access key. */
	static final String KEY = "X-Stratlas-Deal-Key";

	private final DataApi api;

	DataApiController(DataApi api) {
		this.api = api;
	}

	@PostMapping("/{id}/access-key")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "issueExchangeAccessKey",
			summary = "A new key to the deal's data API for the buyer, shown once; the previous key stops working")
	ResponseEntity<DataApi.AccessKey> issueKey(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.api.issueKey(user, id));
	}

	@GetMapping("/{id}/data")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeData",
			summary = "Rows of the dataset's current file as JSON, each call checked against the licence and logged")
	DataApi.DataPage data(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestHeader(name = KEY, required = false) String key, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit) {
		return this.api.page(user, id, key, purpose, offset, limit);
	}

	@GetMapping("/{id}/data/csv")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeDataCsv",
			summary = "Rows of the dataset's current file as CSV, each call checked against the licence and logged")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestHeader(name = KEY, required = false) String key, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit) {
		Deals.Delivery rows = this.api.csv(user, id, key, purpose, offset, limit);
		return Downloads.file(rows.content(), Downloads.CSV, rows.filename());
	}

	@ExceptionHandler(DataApi.Refused.class)
	ProblemDetail refused(DataApi.Refused ex, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				ex.conflict() ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN,
				"The licence refuses this call: " + ex.reason());
		problem.setTitle("Refused by the licence");
		problem.setType(URI.create("https://stratlas.se/problems/licence-refused"));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("reason", ex.reason());
		return problem;
	}

}
