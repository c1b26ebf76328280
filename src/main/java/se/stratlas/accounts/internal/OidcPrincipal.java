package se.stratlas.accounts.internal;

import java.util.Set;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;

/**
 * A user signed in through single sign-on, with roles and organisation mapped from the
 * claims.
 */
public class OidcPrincipal extends DefaultOidcUser implements StratlasPrincipal {

	private final long userId;

	private final long organisationId;

	private final String username;

	private final String displayName;

	private final Set<Role> roles;

	OidcPrincipal(long userId, long organisationId, String username, String displayName, Set<Role> roles,
			OidcIdToken idToken, OidcUserInfo userInfo) {
		super(LocalUser.authorities(roles), idToken, userInfo);
		this.userId = userId;
		this.organisationId = organisationId;
		this.username = username;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
	}

	@Override
	public long userId() {
		return this.userId;
	}

	@Override
	public long organisationId() {
		return this.organisationId;
	}

	@Override
	public String username() {
		return this.username;
	}

	@Override
	public String displayName() {
		return this.displayName;
	}

	@Override
	public Set<Role> roles() {
		return this.roles;
	}

	@Override
	public String getName() {
		return this.username;
	}

}
