package se.stratlas.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import se.stratlas.accounts.UserAccounts;

/**
 * Loads local accounts for form login and HTTP Basic. Single sign-on users have no
 * password here.
 */
@Component
public class LocalUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	LocalUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public LocalUser loadUserByUsername(String username) {
		return this.jdbc.sql("""
				select u.* from accounts_user u
				where lower(u.username) = lower(:username) and u.password_hash is not null""")
			.param("username", username)
			.query((rs, row) -> new LocalUser(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("username"),
					rs.getString("display_name"), UserAccounts.roles(rs.getArray("roles")),
					rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
					unit(rs)))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No local account " + username));
	}

	private static Long unit(ResultSet rs) throws SQLException {
		long unit = rs.getLong("unit_id");
		return rs.wasNull() ? null : unit;
	}

	void recordLogin(long userId) {
		this.jdbc.sql("update accounts_user set last_login_at = now() where id = :id").param("id", userId).update();
	}

	boolean mustChangePassword(long userId) {
		return this.jdbc.sql("select must_change_password from accounts_user where id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
