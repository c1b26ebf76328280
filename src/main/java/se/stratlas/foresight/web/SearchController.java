package se.stratlas.foresight.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.ForesightPages;

/** One search across signals, SWOT items, scenarios and dialogues. */
@Controller
class SearchController {

	private final ForesightPages pages;

	SearchController(ForesightPages pages) {
		this.pages = pages;
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
			ForesightPages.SearchResults results = this.pages.search(user.organisationId(), q);
			model.addAttribute("items", results.items());
			model.addAttribute("swot", results.swot());
			model.addAttribute("scenarios", results.scenarios());
			model.addAttribute("dialogues", results.dialogues());
		}
		return "foresight/search";
	}

}
