package se.stratlas.exchange.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.stratlas.exchange.Governance;
import se.stratlas.exchange.RegisterExport;
import se.stratlas.shared.tables.Downloads;

/**
 * The administrator's governance view of the exchange, and the rights register as open
 * data (CSV and JSON).
 */
@Controller
class GovernanceController {

	private final Governance governance;

	GovernanceController(Governance governance) {
		this.governance = governance;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "exchange";
	}

	@GetMapping("/exchange/governance")
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	String governance(Model model) {
		model.addAttribute("view", this.governance.view());
		return "exchange/governance";
	}

	@GetMapping("/exchange/governance/register.csv")
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	ResponseEntity<byte[]> csv() {
		return Downloads.file(this.governance.registerCsv(), Downloads.CSV, "databorsens-register.csv");
	}

	@GetMapping("/exchange/governance/register.json")
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	ResponseEntity<RegisterExport> json() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"databorsens-register.json\"")
			.body(this.governance.register());
	}

}
