package se.stratlas.accounts.internal;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;

/** A user who signs in with a Stratlas password. */
public record LocalUser(long userId, long organisationId, String username, String displayName, Set<Role> roles,
		String password, boolean enabled, boolean mustChangePassword,
		Long unitId) implements UserDetails, StratlasPrincipal, Serializable {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(this.roles);
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	static Set<GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).collect(Collectors.toSet());
	}

	@Override
	public String toString() {
		return "LocalUser[" + this.username + "]";
	}

}
