package se.stratlas.accounts.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;

/**
 * What every administration page of an organisation shows: the active menu entry, the
 * roles and the organisation's units.
 */
@ControllerAdvice(assignableTypes = { UserAdminController.class, UnitAdminController.class, AuditLogController.class })
class AdminPages {

	private final OrganisationUnits units;

	AdminPages(OrganisationUnits units) {
		this.units = units;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "admin";
	}

	@ModelAttribute("allRoles")
	List<Role> allRoles() {
		return List.of(Role.values());
	}

	@ModelAttribute("units")
	List<OrganisationUnit> units(@AuthenticationPrincipal StratlasPrincipal admin) {
		return admin == null ? List.of() : this.units.list(admin.organisationId());
	}

}
