package se.stratlas.exchange.web;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.Auctions;
import se.stratlas.exchange.Bid;
import se.stratlas.exchange.Dataset;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.exchange.Datasets;
import se.stratlas.exchange.ExchangePages;
import se.stratlas.exchange.Listing;
import se.stratlas.exchange.ListingDraft;
import se.stratlas.exchange.ListingView;
import se.stratlas.exchange.Right;
import se.stratlas.exchange.RightsRegister;
import se.stratlas.exchange.Rulebook;
import se.stratlas.shared.web.ApiBodies;

/**
 * The data exchange's datasets, rights, rulebook, listings and bids in the JSON API
 * (deals: {@link DealApiController}).
 */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Exchange", description = "The data exchange: datasets, rights, listings and bids")
class ExchangeApiController {

	/** A new dataset and the basis on which the organisation holds its data. */
	record DatasetCreate(DatasetDraft dataset, Right.Basis basis) {
	}

	/** A change of a dataset's description: the version seen and the new one. */
	record DatasetChange(int version, DatasetDraft dataset) {
	}

	/** A dataset's schema. */
	record Schema(List<Dataset.Field> fields) {
	}

	private final Datasets datasets;

	private final RightsRegister rights;

	private final Auctions auctions;

	private final Rulebook rulebook;

	private final ExchangePages pages;

	ExchangeApiController(Datasets datasets, RightsRegister rights, Auctions auctions, Rulebook rulebook,
			ExchangePages pages) {
		this.datasets = datasets;
		this.rights = rights;
		this.auctions = auctions;
		this.rulebook = rulebook;
		this.pages = pages;
	}

	@GetMapping("/rulebook")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeRulebook",
			summary = "The exchange's general terms and whether the user accepted them")
	Rulebook.Standing rulebook(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.rulebook.standing(user);
	}

	@PostMapping("/rulebook/acceptance")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "acceptExchangeRulebook", summary = "Accepts the terms in force (needed to list and bid)")
	Rulebook.Standing accept(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.rulebook.accept(user);
	}

	@GetMapping("/datasets")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeDatasets", summary = "The organisation's datasets")
	List<Dataset> datasets(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.datasets.own(user);
	}

	@PostMapping("/datasets")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createExchangeDataset",
			summary = "Registers a dataset; the organisation becomes owner of its data and metadata")
	Dataset createDataset(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody DatasetCreate create) {
		return this.datasets.create(user, ApiBodies.required("dataset", create.dataset()), create.basis());
	}

	@GetMapping("/datasets/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeDataset",
			summary = "One of the organisation's datasets with its sample, rights and listings")
	ExchangePages.DatasetPage dataset(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.pages.dataset(user, id);
	}

	@PutMapping("/datasets/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "updateExchangeDataset",
			summary = "Changes a dataset's description; 409 when someone changed it since")
	Dataset updateDataset(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody DatasetChange change) {
		return this.datasets.update(user, id, change.version(), ApiBodies.required("dataset", change.dataset()));
	}

	@PutMapping("/datasets/{id}/schema")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "setExchangeSchema", summary = "Sets the schema, before the first file")
	Dataset schema(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestBody Schema schema) {
		return this.datasets.schema(user, id, schema.fields());
	}

	@PostMapping(path = "/datasets/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "uploadExchangeFile",
			summary = "Stores a new version of the file (.csv or .xlsx), checked against the schema, with its checksum")
	Dataset.FileVersion upload(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		return this.datasets.upload(user, id, file.getOriginalFilename(), file.getBytes());
	}

	@PostMapping("/datasets/{id}/rights")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "transferExchangeRight",
			summary = "Transfers ownership of, or grants a right to use, the data or metadata")
	Right transfer(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody RightsRegister.Transfer transfer) {
		return this.rights.transfer(user, id, transfer);
	}

	@PostMapping("/datasets/{id}/listings")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createExchangeListing", summary = "Lists the dataset's newest file for sale")
	Listing list(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody ListingDraft draft) {
		return this.auctions.list(user, id, draft);
	}

	@GetMapping("/listings")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeListings", summary = "The listings open for bids, soonest deadline first")
	List<Listing> listings() {
		return this.auctions.open();
	}

	@GetMapping("/listings/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeListing",
			summary = "A listing with the bids the user may see and, for an open auction, the least next bid")
	ListingView listing(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.auctions.view(user, id);
	}

	@PostMapping("/listings/{id}/withdrawal")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "withdrawExchangeListing",
			summary = "The seller withdraws an open listing that has no bid yet")
	Listing withdraw(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.auctions.withdraw(user, id);
	}

	@PostMapping("/listings/{id}/bids")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "placeExchangeBid",
			summary = "Places a bid; refused when closed, for a purpose the policy does not permit, or too low")
	Bid bid(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Auctions.BidDraft bid) {
		return this.auctions.bid(user, id, bid);
	}

}
