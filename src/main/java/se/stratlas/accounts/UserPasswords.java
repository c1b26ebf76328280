package se.stratlas.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * Local users' passwords: how long they may be, an administrator's reset (to be changed
 * at next sign-in) and a user changing their own.
 */
@Component
public class UserPasswords {

	/** The shortest password Stratlas accepts. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	/** The most a password may have: what BCrypt reads, in bytes of UTF-8. */
	public static final int MAX_PASSWORD_BYTES = 72;

	/**
	 * Session attribute set while a user must choose a new password before anything else.
	 */
	public static final String MUST_CHANGE_PASSWORD_ATTRIBUTE = "stratlas.mustChangePassword";

	private static final String ENTITY = UserAccounts.ENTITY;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final UserAccounts users;

	private final AuditTrail audit;

	UserPasswords(JdbcClient jdbc, PasswordEncoder passwords, UserAccounts users, AuditTrail audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.users = users;
		this.audit = audit;
	}

	/**
	 * Sets a new password chosen by an administrator; the user must change it at next
	 * sign-in.
	 */
	@Transactional
	public void resetPassword(long organisationId, long id, String newPassword, String actor) {
		UserAccount user = this.users.get(organisationId, id);
		List<ValidationException.Violation> violations = new ArrayList<>();
		checkPassword(newPassword, "password", violations);
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		this.jdbc.sql("""
				update accounts_user set password_hash = :hash, must_change_password = true, version = version + 1,
				updated_at = now() where id = :id""")
			.param("hash", this.passwords.encode(newPassword))
			.param("id", id)
			.update();
		this.audit.record(organisationId, actor, ENTITY, id, "PASSWORD_RESET", user.username(), Map.of());
	}

	/** The user changes their own password, proving the current one. */
	@Transactional
	public void changeOwnPassword(long userId, String currentPassword, String newPassword, String confirmation) {
		String hash = this.jdbc.sql("select password_hash from accounts_user where id = :id")
			.param("id", userId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(ENTITY, userId));
		List<ValidationException.Violation> violations = new ArrayList<>();
		if (hash == null || currentPassword == null || !this.passwords.matches(currentPassword, hash)) {
			violations.add(new ValidationException.Violation("currentPassword", "account.password.wrong"));
		}
		checkPassword(newPassword, "newPassword", violations);
		if (newPassword != null && !newPassword.equals(confirmation)) {
			violations.add(new ValidationException.Violation("confirmation", "account.password.mismatch"));
		}
		if (newPassword != null && newPassword.equals(currentPassword)) {
			violations.add(new ValidationException.Violation("newPassword", "account.password.same"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		this.jdbc.sql("""
				update accounts_user set password_hash = :hash, must_change_password = false, version = version + 1,
				updated_at = now() where id = :id""")
			.param("hash", this.passwords.encode(newPassword))
			.param("id", userId)
			.update();
		Long org = this.jdbc.sql("select organisation_id from accounts_user where id = :id")
			.param("id", userId)
			.query(Long.class)
			.single();
		String username = this.jdbc.sql("select username from accounts_user where id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
		this.audit.record(org, username, ENTITY, userId, "PASSWORD_CHANGED", username, Map.of());
	}

	static void checkPassword(String password, String field, List<ValidationException.Violation> violations) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			violations.add(new ValidationException.Violation(field, "account.password.tooShort", MIN_PASSWORD_LENGTH));
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			// BCrypt reads at most 72 bytes; a longer password would be cut without a
			// word.
			violations.add(new ValidationException.Violation(field, "account.password.tooLong", MAX_PASSWORD_BYTES));
		}
	}

}
