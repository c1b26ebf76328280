package se.stratlas.foresight.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.Dialogues;
import se.stratlas.foresight.Scanning;
import se.stratlas.foresight.Scenarios;
import se.stratlas.foresight.Workshops;

/** One search across signals, SWOT items, scenarios and dialogues. */
@Controller
class SearchController {

	private final Scanning scanning;

	private final Workshops workshops;

	private final Scenarios scenarios;

	private final Dialogues dialogues;

	SearchController(Scanning scanning, Workshops workshops, Scenarios scenarios, Dialogues dialogues) {
		this.scanning = scanning;
		this.workshops = workshops;
		this.scenarios = scenarios;
		this.dialogues = dialogues;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	@GetMapping("/foresight/search")
	@PreAuthorize("hasRole('READER')")
	String search(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(defaultValue = "") String q,
			Model model) {
		model.addAttribute("q", q);
		if (!q.isBlank()) {
			long org = user.organisationId();
			model.addAttribute("items", this.scanning.list(org, new Scanning.Filter(q, null, null, null, null)));
			model.addAttribute("swot", this.workshops.search(org, q));
			model.addAttribute("scenarios", this.scenarios.search(org, q));
			model.addAttribute("dialogues", this.dialogues.search(org, q));
		}
		return "foresight/search";
	}

}
