package se.stratlas.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.exchange.Governance;
import se.stratlas.exchange.GovernanceView;
import se.stratlas.exchange.RegisterExport;

/** The exchange's governance view and its register as open data, in the JSON API. */
@RestController
@RequestMapping("/api/exchange/governance")
@Tag(name = "Exchange", description = "The data exchange: datasets, rights, listings and bids")
class GovernanceApiController {

	private final Governance governance;

	GovernanceApiController(Governance governance) {
		this.governance = governance;
	}

	@GetMapping
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	@Operation(operationId = "exchangeGovernance",
			summary = "Rights per holder, deals and prices per month, concentration of sellers and buyers, the ledger's check")
	GovernanceView governance() {
		return this.governance.view();
	}

	@GetMapping("/register")
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	@Operation(operationId = "exchangeRegister",
			summary = "The rights register as open data: datasets with their rights and deals, no personal data")
	RegisterExport register() {
		return this.governance.register();
	}

}
