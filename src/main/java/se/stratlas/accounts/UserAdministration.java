package se.stratlas.accounts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditTrail;

/**
 * An administrator's changes to a user together with the user's unit: creating a user in
 * a unit, changing a user and moving them to another unit. Each step is saved on its own,
 * as the user and the unit are separate records.
 */
@Component
public class UserAdministration {

	private final UserAccounts users;

	private final OrganisationUnits units;

	private final AuditTrail audit;

	/** The users list: the organisation's users and the names of their units. */
	public record UserList(List<UserAccount> users, Map<Long, String> unitNames) {
	}

	/** A user to change, with the history of changes to them. */
	public record UserPage(UserAccount user, List<AuditEvent> history) {
	}

	UserAdministration(UserAccounts users, OrganisationUnits units, AuditTrail audit) {
		this.users = users;
		this.units = units;
		this.audit = audit;
	}

	/** What the users list shows. */
	public UserList list(long organisationId) {
		return new UserList(this.users.list(organisationId), this.units.names(organisationId));
	}

	/** What the user form shows. */
	public UserPage page(long organisationId, long id) {
		return new UserPage(this.users.get(organisationId, id), this.audit.history("user", id));
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
