package se.stratlas.accounts.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.Texts;

/**
 * Turns an OIDC sign-in into a Stratlas user: maps the role and organisation claims, and
 * keeps a local account (without password) per subject so that audit trails and
 * assignments name a real user. Roles are taken from the claims at every sign-in.
 */
public class OidcUserMapper implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final OidcProperties properties;

	private final Organisations organisations;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	OidcUserMapper(OidcProperties properties, Organisations organisations, JdbcClient jdbc, AuditTrail audit,
			TransactionTemplate transactions) {
		this.properties = properties;
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser oidc = this.delegate.loadUser(request);
		Map<String, Object> claims = oidc.getClaims();
		Set<Role> roles = mapRoles(claims.get(this.properties.roleClaim()));
		if (roles.isEmpty()) {
			throw refused("no_role", "Inga Stratlas-roller i anspråket '" + this.properties.roleClaim() + "'");
		}
		String organisationCode = Optional.ofNullable(claims.get(this.properties.organisationClaim()))
			.map(Object::toString)
			.map(Texts::clean)
			.orElse(Texts.clean(this.properties.defaultOrganisation()));
		Organisation organisation = Optional.ofNullable(organisationCode)
			.flatMap(this.organisations::findByCode)
			.orElseThrow(() -> refused("no_organisation", "Okänd organisation '" + organisationCode + "'"));
		String subject = oidc.getIssuer() + "|" + oidc.getSubject();
		String username = Optional.ofNullable(Texts.clean(oidc.getPreferredUsername())).orElse(oidc.getSubject());
		String displayName = Optional.ofNullable(Texts.clean(oidc.getFullName())).orElse(username);
		Provisioned user = this.transactions
			.execute(status -> provision(organisation.id(), subject, username, displayName, oidc.getEmail(), roles));
		return new OidcPrincipal(user.id(), organisation.id(), user.username(), displayName, roles, oidc.getIdToken(),
				oidc.getUserInfo());
	}

	Set<Role> mapRoles(Object claim) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Collection<?> values = claim instanceof Collection<?> list ? list
				: claim == null ? List.of() : List.of(claim.toString().split("[ ,]+"));
		for (Object value : values) {
			String text = String.valueOf(value);
			String mapped = this.properties.roleMapping().getOrDefault(text, text);
			Role.parse(mapped).ifPresent(roles::add);
		}
		return roles;
	}

	private record Provisioned(long id, String username) {
	}

	private Provisioned provision(long organisationId, String subject, String username, String displayName,
			String email, Set<Role> roles) {
		Optional<Provisioned> existing = this.jdbc
			.sql("select id, username from accounts_user where external_subject = :s")
			.param("s", subject)
			.query(Provisioned.class)
			.optional();
		String[] roleNames = UserAccounts.names(roles).toArray(String[]::new);
		if (existing.isPresent()) {
			this.jdbc
				.sql("""
						update accounts_user set organisation_id = :org, display_name = :name, email = :email, roles = :roles,
						last_login_at = now() where id = :id""")
				.param("org", organisationId)
				.param("name", displayName)
				.param("email", email)
				.param("roles", roleNames)
				.param("id", existing.get().id())
				.update();
			return existing.get();
		}
		String localName = uniqueUsername(username);
		long id = this.jdbc.sql("""
				insert into accounts_user (organisation_id, username, display_name, email, external_subject, roles,
				last_login_at) values (:org, :username, :name, :email, :subject, :roles, now()) returning id""")
			.param("org", organisationId)
			.param("username", localName)
			.param("name", displayName)
			.param("email", email)
			.param("subject", subject)
			.param("roles", roleNames)
			.query(Long.class)
			.single();
		this.audit.record(organisationId, localName, UserAccounts.ENTITY, id, "PROVISIONED", "single sign-on",
				Map.of("roles", new FieldChange(null, List.of(roleNames))));
		return new Provisioned(id, localName);
	}

	private String uniqueUsername(String wanted) {
		String candidate = wanted;
		int suffix = 2;
		while (this.jdbc.sql("select exists (select 1 from accounts_user where lower(username) = lower(:u))")
			.param("u", candidate)
			.query(Boolean.class)
			.single()) {
			candidate = wanted + "-" + suffix++;
		}
		return candidate;
	}

	private static OAuth2AuthenticationException refused(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
	}

}
