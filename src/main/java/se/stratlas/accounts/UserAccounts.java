package se.stratlas.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * Users of an organisation: creating them, their roles, the first administrator and the
 * demo users (passwords: {@link UserPasswords}).
 */
@Component
public class UserAccounts {

	/** The audit trail's name for a user. */
	public static final String ENTITY = "user";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
	}

	/** A new local user as an administrator enters it. */
	public record NewUser(String username, String displayName, String email, Set<Role> roles, String password) {
	}

	public List<UserAccount> list(long organisationId) {
		return this.jdbc.sql("select * from accounts_user where organisation_id = :org order by lower(username)")
			.param("org", organisationId)
			.query((rs, row) -> map(rs))
			.list();
	}

	public UserAccount get(long organisationId, long id) {
		return this.jdbc.sql("select * from accounts_user where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query((rs, row) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(ENTITY, id));
	}

	/**
	 * Whether the instance has its platform administrator (created at the first start).
	 */
	public boolean anyPlatformAdministrator() {
		return this.jdbc
			.sql("select exists (select 1 from accounts_user where 'PLATFORM_ADMINISTRATOR' = any (roles) and enabled)")
			.query(Boolean.class)
			.single();
	}

	@Transactional
	public UserAccount create(long organisationId, NewUser user, String actor) {
		String username = Texts.clean(user.username());
		List<ValidationException.Violation> violations = new ArrayList<>();
		if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
			violations.add(new ValidationException.Violation("username", "user.username.invalid"));
		}
		else if (usernameTaken(username)) {
			violations.add(new ValidationException.Violation("username", "user.username.taken"));
		}
		if (Texts.clean(user.displayName()) == null) {
			violations.add(new ValidationException.Violation("displayName", "validation.required"));
		}
		if (user.roles() == null || user.roles().isEmpty()) {
			violations.add(new ValidationException.Violation("roles", "user.roles.required"));
		}
		else if (user.roles().contains(Role.PLATFORM_ADMINISTRATOR)) {
			violations.add(new ValidationException.Violation("roles", "user.roles.platform"));
		}
		UserPasswords.checkPassword(user.password(), "password", violations);
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		long id = insert(organisationId, username, user.displayName().strip(), Texts.clean(user.email()),
				this.passwords.encode(user.password()), user.roles(), true, false);
		this.audit.record(organisationId, actor, ENTITY, id, "CREATED", username,
				Map.of("roles", new FieldChange(null, names(user.roles()))));
		return get(organisationId, id);
	}

	/**
	 * Changes what an administrator may change; refuses when someone else changed the
	 * user first.
	 */
	@Transactional
	public UserAccount update(long organisationId, long id, int expectedVersion, String displayName, String email,
			Set<Role> roles, boolean enabled, String actor) {
		UserAccount before = get(organisationId, id);
		if (Texts.clean(displayName) == null) {
			throw new ValidationException("displayName", "validation.required");
		}
		if (roles == null || roles.isEmpty()) {
			throw new ValidationException("roles", "user.roles.required");
		}
		// The platform administrator's role is not the organisation administrator's to
		// give
		// or take.
		Set<Role> kept = EnumSet.copyOf(roles);
		kept.remove(Role.PLATFORM_ADMINISTRATOR);
		if (before.roles().contains(Role.PLATFORM_ADMINISTRATOR)) {
			kept.add(Role.PLATFORM_ADMINISTRATOR);
			kept.add(Role.ADMINISTRATOR);
		}
		roles = kept;
		int updated = this.jdbc.sql("""
				update accounts_user set display_name = :name, email = :email, roles = :roles, enabled = :enabled,
				version = version + 1, updated_at = now()
				where organisation_id = :org and id = :id and version = :version""")
			.param("name", displayName.strip())
			.param("email", Texts.clean(email))
			.param("roles", names(roles).toArray(String[]::new))
			.param("enabled", enabled)
			.param("org", organisationId)
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ENTITY, id, before);
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("displayName", new FieldChange(before.displayName(), displayName.strip()));
		changes.put("email", new FieldChange(before.email(), Texts.clean(email)));
		changes.put("roles", new FieldChange(names(before.roles()), names(roles)));
		changes.put("enabled", new FieldChange(before.enabled(), enabled));
		this.audit.record(organisationId, actor, ENTITY, id, "UPDATED", before.username(), changes);
		return get(organisationId, id);
	}

	/**
	 * Creates the first administrator unless there already is one.
	 * @return the account, or empty when an administrator already existed
	 */
	@Transactional
	public Optional<UserAccount> createFirstAdministrator(long organisationId, String username, String password) {
		if (anyPlatformAdministrator() || usernameTaken(username)) {
			return Optional.empty();
		}
		Set<Role> roles = EnumSet.of(Role.PLATFORM_ADMINISTRATOR, Role.ADMINISTRATOR);
		long id = insert(organisationId, username, "Administratör", null, this.passwords.encode(password), roles, true,
				false);
		this.audit.record(organisationId, "system", ENTITY, id, "CREATED", username,
				Map.of("roles", new FieldChange(null, names(roles))));
		return Optional.of(get(organisationId, id));
	}

	/**
	 * Creates a demo user with a known password unless the username exists (demo mode
	 * only).
	 */
	@Transactional
	public void ensureDemoUser(long organisationId, String username, String displayName, String password,
			Set<Role> roles) {
		if (usernameTaken(username)) {
			return;
		}
		insert(organisationId, username, displayName, null, this.passwords.encode(password), roles, false, true);
	}

	/** The demo users of an organisation, for the login page's hint in demo mode. */
	/**
	 * The demo's people to sign in as on the login page, with their organisations' names.
	 */
	public record DemoSignIns(List<UserAccount> users, Map<Long, String> organisationNames) {
	}

	public DemoSignIns demoSignIns() {
		Map<Long, String> names = this.jdbc.sql(
				"select id, name from accounts_organisation where id in (select organisation_id from accounts_user where demo)")
			.query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("name")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return new DemoSignIns(demoUsers(), names);
	}

	public List<UserAccount> demoUsers() {
		return this.jdbc.sql("select * from accounts_user where demo order by organisation_id, id")
			.query((rs, row) -> map(rs))
			.list();
	}

	private boolean usernameTaken(String username) {
		return this.jdbc.sql("select exists (select 1 from accounts_user where lower(username) = lower(:u))")
			.param("u", username)
			.query(Boolean.class)
			.single();
	}

	private long insert(long organisationId, String username, String displayName, String email, String hash,
			Set<Role> roles, boolean mustChangePassword, boolean demo) {
		return this.jdbc.sql("""
				insert into accounts_user (organisation_id, username, display_name, email, password_hash, roles,
				must_change_password, demo) values (:org, :username, :name, :email, :hash, :roles, :mustChange, :demo)
				returning id""")
			.param("org", organisationId)
			.param("username", username)
			.param("name", displayName)
			.param("email", email)
			.param("hash", hash)
			.param("roles", names(roles).toArray(String[]::new))
			.param("mustChange", mustChangePassword)
			.param("demo", demo)
			.query(Long.class)
			.single();
	}

	/** The roles' names, in order, as stored. */
	public static List<String> names(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).toList();
	}

	/** The roles stored in an array column. */
	public static Set<Role> roles(Array array) throws SQLException {
		if (array == null) {
			return EnumSet.noneOf(Role.class);
		}
		return Arrays.stream((String[]) array.getArray())
			.map(Role::parse)
			.flatMap(Optional::stream)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	private static Long unit(ResultSet rs) throws SQLException {
		long unit = rs.getLong("unit_id");
		return rs.wasNull() ? null : unit;
	}

	private static UserAccount map(ResultSet rs) throws SQLException {
		Timestamp lastLogin = rs.getTimestamp("last_login_at");
		return new UserAccount(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("username"),
				rs.getString("display_name"), rs.getString("email"), roles(rs.getArray("roles")),
				rs.getBoolean("enabled"), rs.getString("external_subject") != null, rs.getBoolean("demo"),
				rs.getInt("version"), lastLogin == null ? null : lastLogin.toInstant(), unit(rs));
	}

}
