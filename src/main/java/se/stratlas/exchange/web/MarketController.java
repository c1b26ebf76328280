package se.stratlas.exchange.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.ExchangePages;
import se.stratlas.exchange.Rulebook;

/** The exchange's market page and its rulebook. */
@Controller
class MarketController {

	private final ExchangePages pages;

	private final Rulebook rulebook;

	MarketController(ExchangePages pages, Rulebook rulebook) {
		this.pages = pages;
		this.rulebook = rulebook;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "exchange";
	}

	@GetMapping("/exchange")
	@PreAuthorize("hasRole('READER')")
	String market(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("market", this.pages.market(user));
		return "exchange/market";
	}

	@GetMapping("/exchange/rulebook")
	@PreAuthorize("hasRole('READER')")
	String rulebook(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("standing", this.rulebook.standing(user));
		return "exchange/rulebook";
	}

	@PostMapping("/exchange/rulebook")
	@PreAuthorize("hasRole('STRATEGIST')")
	String accept(@AuthenticationPrincipal StratlasPrincipal user, RedirectAttributes redirect) {
		this.rulebook.accept(user);
		redirect.addFlashAttribute("flash", "exchange.rulebook.accepted");
		return "redirect:/exchange";
	}

}
