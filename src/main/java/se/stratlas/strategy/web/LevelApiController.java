package se.stratlas.strategy.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.web.ApiBodies;
import se.stratlas.strategy.StrategyLevels;

/**
 * A strategy's levels in the JSON API: which element types it uses and what it calls them
 * (the levels table of its edit page).
 */
@RestController
@RequestMapping("/api/strategies/{id}/levels")
@Tag(name = "Strategies")
class LevelApiController {

	/** The levels a strategy uses, each named; a type not listed is not used. */
	record LevelsChange(List<StrategyLevels.Level> levels) {
	}

	private final StrategyLevels levels;

	LevelApiController(StrategyLevels levels) {
		this.levels = levels;
	}

	@GetMapping
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "strategyLevels",
			summary = "The levels the strategy has named; empty: every type under its usual name")
	List<StrategyLevels.Level> levels(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.levels.levels(user.organisationId(), id);
	}

	@PutMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "nameStrategyLevels",
			summary = "Names the levels the strategy uses; 422 when a type its elements have is left out")
	List<StrategyLevels.Level> nameLevels(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody LevelsChange change) {
		return this.levels.save(user.organisationId(), id, ApiBodies.required("levels", change.levels()),
				user.username());
	}

}
