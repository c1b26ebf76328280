package se.stratlas.accounts;

import java.util.EnumSet;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.AccessDeniedException;

/**
 * A new organisation with its first administrator, in one transaction: the platform
 * administrator's action. The administrator must choose a new password at the first
 * sign-in.
 */
@Component
public class OrganisationSetup {

	private final Organisations organisations;

	private final UserAccounts users;

	OrganisationSetup(Organisations organisations, UserAccounts users) {
		this.organisations = organisations;
		this.users = users;
	}

	/** The first administrator of a new organisation. */
	public record FirstAdministrator(String username, String displayName, @Nullable String email, String password) {
	}

	/** What was created. */
	@Schema(name = "OrganisationCreated")
	public record Created(Organisation organisation, UserAccount administrator) {
	}

	@Transactional
	public Created create(StratlasPrincipal platformAdministrator, String code, Organisation.Profile profile,
			FirstAdministrator administrator) {
		if (!platformAdministrator.can(Role.PLATFORM_ADMINISTRATOR)) {
			throw new AccessDeniedException("Only the platform administrator creates organisations");
		}
		Organisation organisation = this.organisations.create(code, profile, platformAdministrator.username());
		UserAccount admin = this.users.create(
				organisation.id(), new UserAccounts.NewUser(administrator.username(), administrator.displayName(),
						administrator.email(), EnumSet.of(Role.ADMINISTRATOR), administrator.password()),
				platformAdministrator.username());
		return new Created(organisation, admin);
	}

}
