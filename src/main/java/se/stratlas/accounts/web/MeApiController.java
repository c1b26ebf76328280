package se.stratlas.accounts.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Accounts")
class MeApiController {

	private final Organisations organisations;

	MeApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	record Me(long userId, String username, String displayName, String organisationCode, String organisationName,
			List<Role> roles) {
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The signed-in user, their organisation and roles")
	Me me(@AuthenticationPrincipal StratlasPrincipal user) {
		var organisation = this.organisations.get(user.organisationId());
		return new Me(user.userId(), user.username(), user.displayName(), organisation.code(), organisation.name(),
				user.roles().stream().sorted().toList());
	}

}
