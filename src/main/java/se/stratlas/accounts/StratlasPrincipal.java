package se.stratlas.accounts;

import java.util.Set;

/**
 * The signed-in user as every module sees it, whether they signed in with a local
 * password or through single sign-on. Controllers take it with
 * {@code @AuthenticationPrincipal}.
 */
public interface StratlasPrincipal {

	long userId();

	long organisationId();

	String username();

	String displayName();

	/** The unit the user belongs to, if any; a rapportör's rights follow it. */
	default Long unitId() {
		return null;
	}

	/** The roles given to the user, without the ones the hierarchy implies. */
	Set<Role> roles();

	/** Whether the user has the role, directly or through the role hierarchy. */
	default boolean can(Role role) {
		return roles().stream().anyMatch(held -> RoleHierarchyRules.implies(held, role));
	}

}
