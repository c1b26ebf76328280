package se.stratlas.accounts;

import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * An administrator's changes to a user together with the user's unit: creating a user in
 * a unit, changing a user and moving them to another unit. Each step is saved on its own,
 * as the user and the unit are separate records.
 */
@Component
public class UserAdministration {

	private final UserAccounts users;

	private final OrganisationUnits units;

	UserAdministration(UserAccounts users, OrganisationUnits units) {
		this.users = users;
		this.units = units;
	}

	/** Creates the user and, when a unit is given, places them in it. */
	public UserAccount create(long organisationId, UserAccounts.NewUser user, Long unitId, String actor) {
		UserAccount created = this.users.create(organisationId, user, actor);
		if (unitId != null) {
			this.units.assign(organisationId, created.id(), unitId, actor);
		}
		return created;
	}

	/**
	 * Changes the user (refused when someone else changed them first) and moves them to
	 * the unit given when it differs from theirs.
	 */
	public void update(long organisationId, long id, int expectedVersion, String displayName, String email,
			Set<Role> roles, boolean enabled, Long unitId, String actor) {
		UserAccount before = this.users.get(organisationId, id);
		this.users.update(organisationId, id, expectedVersion, displayName, email, roles, enabled, actor);
		if (!Objects.equals(before.unitId(), unitId)) {
			this.units.assign(organisationId, id, unitId, actor);
		}
	}

}
