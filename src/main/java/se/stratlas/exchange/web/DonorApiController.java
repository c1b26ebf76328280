package se.stratlas.exchange.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.AltruismRegister;
import se.stratlas.exchange.DataDonors;
import se.stratlas.exchange.Distribution;
import se.stratlas.exchange.Donor;
import se.stratlas.exchange.Purpose;
import se.stratlas.exchange.SharedValue;

/**
 * Data donors, distribution rules with their comparison, and the data-altruism register
 * in the JSON API.
 */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Exchange", description = "The data exchange: datasets, rights, listings and bids")
class DonorApiController {

	/** The purposes a new donor consents to. */
	record DonorCreate(@Nullable List<Purpose> purposes) {
	}

	/** One purpose of a consent. */
	record ConsentChange(@Nullable Purpose purpose) {
	}

	private final DataDonors donors;

	private final SharedValue sharedValue;

	private final AltruismRegister register;

	DonorApiController(DataDonors donors, SharedValue sharedValue, AltruismRegister register) {
		this.donors = donors;
		this.sharedValue = sharedValue;
		this.register = register;
	}

	@GetMapping("/datasets/{id}/donors")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeDonors", summary = "A dataset's donors (pseudonyms) with their consents")
	List<Donor> donors(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.donors.donors(user, id);
	}

	@PostMapping("/datasets/{id}/donors")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "registerExchangeDonor",
			summary = "Registers a donor: a random pseudonym and a secret token, shown once")
	DataDonors.Registration register(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody DonorCreate body) {
		return this.donors.register(user, id, body.purposes());
	}

	@PostMapping("/datasets/{id}/donors/{pseudonym}/consents")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "giveExchangeConsent", summary = "A donor gives consent for a purpose")
	Donor consent(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable String pseudonym, @RequestBody ConsentChange body) {
		return this.donors.consent(user, id, pseudonym, body.purpose());
	}

	@PostMapping("/datasets/{id}/donors/{pseudonym}/withdrawals")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "withdrawExchangeConsent",
			summary = "A donor withdraws a consent: deals closed from now on leave the donor out")
	Donor withdraw(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable String pseudonym, @RequestBody ConsentChange body) {
		return this.donors.withdraw(user, id, pseudonym, body.purpose());
	}

	@GetMapping("/datasets/{id}/distribution")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeDistribution",
			summary = "A dataset's distribution rule and each party's outcome and risk under each variant")
	SharedValue.Comparison distribution(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.sharedValue.compare(user, id);
	}

	@PutMapping("/datasets/{id}/distribution")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "setExchangeDistribution",
			summary = "States a dataset's shares, kickback model and pricing variant")
	Distribution setDistribution(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody SharedValue.RuleForm body) {
		return this.sharedValue.save(user, id, body);
	}

	@GetMapping("/altruism")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeAltruismEntry",
			summary = "The organisation's entry in the data-altruism register (Data Governance Act)")
	AltruismRegister.RegisterEntry altruism(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.register.entry(user);
	}

	@PutMapping("/altruism")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "setExchangeAltruismEntry", summary = "States the data-altruism register entry's facts")
	AltruismRegister.RegisterEntry setAltruism(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody AltruismRegister.EntryForm body) {
		return this.register.save(user, body);
	}

	@GetMapping("/altruism/report")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeAltruismReport", summary = "The data-altruism annual activity report for a year")
	AltruismRegister.AltruismReport report(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) Integer year) {
		return this.register.report(user, year);
	}

}
