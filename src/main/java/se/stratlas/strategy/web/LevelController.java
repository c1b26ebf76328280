package se.stratlas.strategy.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

	/** One row of the levels table: the type, and the names given (null: none). */
	record LevelRow(ElementType type, String nameSv, String pluralSv, String nameEn, String pluralEn) {
	}

	private final StrategyLevels levels;

	LevelController(StrategyLevels levels) {
		this.levels = levels;
	}

	/** The rows of the levels table of a strategy's edit page. */
	static void levelRows(StrategyLevels levels, long strategyId, Model model) {
		Map<ElementType, StrategyLevels.Level> named = new EnumMap<>(ElementType.class);
		levels.levels(strategyId).forEach(level -> named.put(level.type(), level));
		List<LevelRow> rows = new ArrayList<>();
		for (ElementType type : ElementType.values()) {
			StrategyLevels.Level level = named.get(type);
			rows.add(level == null ? new LevelRow(type, null, null, null, null)
					: new LevelRow(type, level.nameSv(), level.pluralSv(), level.nameEn(), level.pluralEn()));
		}
		model.addAttribute("levelRows", rows);
		model.addAttribute("levelsNamed", !named.isEmpty());
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
