package se.stratlas.accounts.web;

import java.util.List;
import java.util.Set;

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

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccount;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.accounts.UserAdministration;

/**
 * The organisation's users and units in the JSON API, for an administrator: list them,
 * create a user (with roles, a unit and a first password), create a unit.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "Users, units and the organisation's archive")
class AdminApiController {

	/**
	 * A new user: sign-in name, name, roles, a first password, the unit they write for.
	 */
	record NewUserRequest(String username, String displayName, @Nullable String email, Set<Role> roles, String password,
			@Nullable Long unitId) {
	}

	/** A new unit, under another unit or at the top. */
	record NewUnitRequest(@Nullable Long parentId, OrganisationUnit.Kind kind, String name) {
	}

	private final UserAccounts users;

	private final UserAdministration administration;

	private final OrganisationUnits units;

	AdminApiController(UserAccounts users, UserAdministration administration, OrganisationUnits units) {
		this.users = users;
		this.administration = administration;
		this.units = units;
	}

	@GetMapping("/users")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(operationId = "users", summary = "The organisation's users with their roles and units")
	List<UserAccount> users(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.users.list(user.organisationId());
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createUser",
			summary = "Creates a user; they change the first password when they first sign in")
	UserAccount createUser(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody NewUserRequest request) {
		return this.administration.create(user.organisationId(), new UserAccounts.NewUser(request.username(),
				request.displayName(), request.email(), request.roles(), request.password()), request.unitId(),
				user.username());
	}

	@GetMapping("/units")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(operationId = "adminUnits", summary = "The organisation's units (förvaltningar, enheter)")
	List<OrganisationUnit> units(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.units.list(user.organisationId());
	}

	@PostMapping("/units")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createUnit", summary = "Creates a unit")
	OrganisationUnit createUnit(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody NewUnitRequest request) {
		return this.units.create(user.organisationId(), request.parentId(), request.kind(), request.name(),
				user.username());
	}

}
