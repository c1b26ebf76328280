package se.stratlas.indicators.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorTargets;
import se.stratlas.indicators.Target;

/**
 * Setting an indicator's targets through the JSON API (reading them is {@code GET
 * /{id}/targets}).
 */
@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Indicators", description = "Definitions, values, targets, analytics and imports")
class IndicatorTargetApiController {

	/**
	 * A target: for an area (none: any) and sex (none: total), at least or at most a
	 * value by a deadline period; a relative one is a change in per cent from the
	 * baseline.
	 */
	record TargetRequest(@Nullable String areaCode, @Nullable Sex sex, Target.Comparator comparator, Double value,
			boolean relative, String deadline, @Nullable String baseline, @Nullable String note) {
	}

	private final IndicatorTargets targets;

	IndicatorTargetApiController(IndicatorTargets targets) {
		this.targets = targets;
	}

	@PostMapping("/{id}/targets")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addTarget", summary = "Adds a target to the indicator")
	Target addTarget(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody TargetRequest request) {
		return this.targets.addTarget(user.organisationId(), id, request.areaCode(), request.sex(),
				request.comparator(), request.value(), request.relative(), request.deadline(), request.baseline(),
				request.note(), user.username());
	}

}
