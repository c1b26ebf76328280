package se.stratlas.indicators.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.indicators.AreaGroups;

/**
 * Groups of areas to compare indicators with in the JSON API: list them, create one (as
 * on the groups page).
 */
@RestController
@RequestMapping("/api/indicators/area-groups")
@Tag(name = "Indicators")
class AreaGroupApiController {

	/** A new group: its name and at least two area codes. */
	record NewAreaGroup(String name, @Nullable List<String> areaCodes) {
	}

	private final AreaGroups groups;

	AreaGroupApiController(AreaGroups groups) {
		this.groups = groups;
	}

	@GetMapping
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "areaGroups", summary = "The organisation's groups of areas, by name")
	List<AreaGroups.AreaGroup> groups(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.groups.list(user.organisationId());
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createAreaGroup",
			summary = "Creates a group of at least two known areas under a name not yet taken")
	AreaGroups.AreaGroup createGroup(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody NewAreaGroup group) {
		return this.groups.create(user.organisationId(), group.name(), group.areaCodes(), user.username());
	}

}
