package se.stratlas.accounts.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.OrganisationSetup;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.web.ApiBodies;

/**
 * The organisation's profile in the JSON API, kept by its administrator, and the platform
 * administrator's organisations, each created with its first administrator.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Administration")
class OrganisationApiController {

	/** A change of the profile: the version seen and the new profile. */
	record ProfileChange(int version, Organisation.Profile profile) {
	}

	/** A new organisation: its code, profile and first administrator. */
	record NewOrganisation(String code, Organisation.Profile profile,
			OrganisationSetup.FirstAdministrator administrator) {
	}

	private final Organisations organisations;

	private final OrganisationSetup setup;

	OrganisationApiController(Organisations organisations, OrganisationSetup setup) {
		this.organisations = organisations;
		this.setup = setup;
	}

	@GetMapping("/admin/organisation")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(operationId = "organisationProfile",
			summary = "The organisation's profile: name, kind, home area, contact")
	Organisation profile(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.organisations.get(user.organisationId());
	}

	@PutMapping("/admin/organisation")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(operationId = "updateOrganisationProfile",
			summary = "Changes the organisation's profile; 409 when someone changed it since")
	Organisation updateProfile(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody ProfileChange change) {
		return this.organisations.update(user.organisationId(), change.version(),
				ApiBodies.required("profile", change.profile()), user.username());
	}

	@GetMapping("/platform/organisations")
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	@Operation(operationId = "platformOrganisations", summary = "Every organisation of the instance")
	List<Organisation> organisations() {
		return this.organisations.all();
	}

	@PostMapping("/platform/organisations")
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createOrganisation",
			summary = "Creates an organisation with its first administrator, who chooses a new password at the "
					+ "first sign-in")
	OrganisationSetup.Created createOrganisation(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody NewOrganisation request) {
		return this.setup.create(user, request.code(), ApiBodies.required("profile", request.profile()),
				ApiBodies.required("administrator", request.administrator()));
	}

}
