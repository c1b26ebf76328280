package se.stratlas.strategy.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyLevels;

/**
 * A strategy's levels and what it calls them, set on its edit page: a row per element
 * type with its names; an unnamed row is a level the strategy does not use.
 */
@Controller
class LevelController {

	private final StrategyLevels levels;

	LevelController(StrategyLevels levels) {
		this.levels = levels;
	}

	@PostMapping("/strategies/{id}/levels")
	@PreAuthorize("hasRole('STRATEGIST')")
	String save(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		List<StrategyLevels.Level> levels = new ArrayList<>();
		for (ElementType type : ElementType.values()) {
			String prefix = "level-" + type.name() + "-";
			levels.add(new StrategyLevels.Level(type, request.getParameter(prefix + "nameSv"),
					request.getParameter(prefix + "nameEn"), request.getParameter(prefix + "pluralSv"),
					request.getParameter(prefix + "pluralEn")));
		}
		try {
			this.levels.save(user.organisationId(), id, levels, user.username());
			redirect.addFlashAttribute("flash", "strategy.levels.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("flashError", ex.violations().getFirst().messageKey());
		}
		return "redirect:/strategies/" + id + "/edit";
	}

}
