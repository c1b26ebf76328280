package se.stratlas.strategy.web;

import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.strategy.StrategyPages.TreePage;
import se.stratlas.strategy.StrategyPages;

/**
 * A strategy version's tree with its search (htmx swaps only the tree), for the
 * organisation and in public.
 */
@Controller
class StrategyTreeController {

	private final StrategyPages pages;

	StrategyTreeController(StrategyPages pages) {
		this.pages = pages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/strategies/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String q,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		tree(this.pages.tree(user.organisationId(), id, version, q, user.can(Role.STRATEGIST), locale), model);
		model.addAttribute("publicView", false);
		return htmx != null ? "strategy/view :: tree" : "strategy/view";
	}

	@GetMapping("/public/strategies/{id}")
	@PreAuthorize("permitAll()")
	String publicView(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String q, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, Locale locale) {
		tree(this.pages.tree(null, id, version, q, false, locale), model);
		model.addAttribute("publicView", true);
		return htmx != null ? "strategy/view :: tree" : "strategy/view";
	}

	private static void tree(TreePage page, Model model) {
		model.addAttribute("strategy", page.strategy());
		model.addAttribute("version", page.version());
		model.addAttribute("versions", page.versions());
		model.addAttribute("latest", page.latest());
		model.addAttribute("tree", page.tree());
		model.addAttribute("search", page.search());
		model.addAttribute("elementCount", page.elementCount());
		model.addAttribute("typeLabels", page.typeLabels());
		model.addAttribute("typePlurals", page.typePlurals());
		model.addAttribute("typeCounts", page.typeCounts());
		if (page.strategy().derivedFromId() != null) {
			model.addAttribute("derivedFrom", page.derivedFrom());
		}
		model.addAttribute("canEdit", page.canEdit());
	}

}
