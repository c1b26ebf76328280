package se.stratlas.learning.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.learning.StrategyOverview;

/** A strategy's learning overview (a heat map by priority) and its revision. */
@Controller
class StrategyOverviewController {

	private final StrategyOverview overview;

	StrategyOverviewController(StrategyOverview overview) {
		this.overview = overview;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/learning/strategies/{id}")
	@PreAuthorize("hasRole('READER')")
	String overview(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long cycle, Model model) {
		model.addAttribute("view", this.overview.view(user, id, cycle));
		model.addAttribute("statuses", StrategyOverview.STATUS_COLUMNS);
		return "learning/overview";
	}

	@GetMapping("/learning/strategies/{id}/revision")
	@PreAuthorize("hasRole('READER')")
	String revision(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long version, Model model) {
		model.addAttribute("revision", this.overview.revision(user, id, version));
		return "learning/revision";
	}

}
