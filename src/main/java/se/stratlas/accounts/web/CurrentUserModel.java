package se.stratlas.accounts.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;

/** The signed-in user's organisation, for every page. */
@ControllerAdvice
class CurrentUserModel {

	private final Organisations organisations;

	CurrentUserModel(Organisations organisations) {
		this.organisations = organisations;
	}

	@ModelAttribute("organisationName")
	String organisationName(@AuthenticationPrincipal StratlasPrincipal user) {
		return user == null ? null : this.organisations.get(user.organisationId()).name();
	}

}
