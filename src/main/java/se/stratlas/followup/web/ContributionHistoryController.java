package se.stratlas.followup.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.ContributionPage;
import se.stratlas.followup.ContributionPages;

/** A contribution's history: every revision with the differences to the one before. */
@Controller
class ContributionHistoryController {

	private final ContributionPages pages;

	ContributionHistoryController(ContributionPages pages) {
		this.pages = pages;
	}

	@GetMapping("/followup/contributions/{id}/history")
	@PreAuthorize("hasRole('READER')")
	String history(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		ContributionPage.History history = this.pages.history(user, id);
		model.addAttribute("contribution", history.contribution());
		model.addAttribute("section", history.section());
		model.addAttribute("cycle", history.cycle());
		model.addAttribute("unitName", history.unitName());
		model.addAttribute("entries", history.entries());
		model.addAttribute("workHidden", history.workHidden());
		return "followup/history";
	}

}
