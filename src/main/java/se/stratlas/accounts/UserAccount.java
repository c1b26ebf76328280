package se.stratlas.accounts;

import java.time.Instant;
import java.util.Set;

/** A user as administrators see it (never with the password hash). */
public record UserAccount(long id, long organisationId, String username, String displayName, String email,
		Set<Role> roles, boolean enabled, boolean singleSignOn, boolean demo, int version, Instant lastLoginAt,
		Long unitId) {
}
