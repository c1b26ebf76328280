package se.stratlas.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.internal.LocalUser;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * Personal API tokens: a user creates one with a name, scopes (read or write per part of
 * the API) and an optional expiry, sees it once, sees when it was last used, and revokes
 * it. A token acts as its user (never with more rights than the user has now) and only
 * within its scopes; only its SHA-256 hash is stored.
 */
@Component
@Transactional
public class ApiTokens {

	/** What a token's text starts with, so that a leaked token is recognisable. */
	public static final String PREFIX = "stl_";

	/** The parts of the JSON API a token may be scoped to, by path. */
	public enum Area {

		STRATEGY("/api/strategies", "/api/elements", "/api/versions", "/api/links"),
		INITIATIVES("/api/initiatives", "/api/applications", "/api/portfolio"), INDICATORS("/api/indicators"),
		FOLLOWUP("/api/followup"), REPORTS("/api/reports"), LEARNING("/api/learning"), FORESIGHT("/api/foresight"),
		ACTORS("/api/actors"), EXCHANGE("/api/exchange"), HEALTH("/api/health"), ADMIN("/api/admin"),
		PLATFORM("/api/platform");

		private final List<String> paths;

		Area(String... paths) {
			this.paths = List.of(paths);
		}

		public String read() {
			return name().toLowerCase(Locale.ROOT) + ":read";
		}

		public String write() {
			return name().toLowerCase(Locale.ROOT) + ":write";
		}

		/** The area a path of the API belongs to, if any. */
		public static Optional<Area> of(String path) {
			return Arrays.stream(values())
				.filter(a -> a.paths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")))
				.findFirst();
		}

	}

	/** Every scope a token can have. */
	public static List<String> scopes() {
		return Arrays.stream(Area.values()).flatMap(a -> Stream.of(a.read(), a.write())).toList();
	}

	/** A token as its owner sees it (never its text). */
	public record ApiToken(long id, String name, String prefix, List<String> scopes, Instant createdAt,
			Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

		public boolean active(Instant now) {
			return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
		}

	}

	/** A new token: its text, shown once, and the token. */
	public record Created(String secret, ApiToken token) {
	}

	/** Who a valid token acts as, and what it may do. */
	public record Bearer(StratlasPrincipal user, Set<String> scopes, long tokenId) {

		public boolean allows(Area area, boolean write) {
			return this.scopes.contains(write ? area.write() : area.read());
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How often the last use is written: at most once a minute per token. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ApiTokens(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public Created create(StratlasPrincipal user, String name, List<String> scopes, Integer days) {
		String clean = Texts.clean(name);
		if (clean == null) {
			throw new ValidationException("name", "validation.required");
		}
		if (clean.length() > 100) {
			throw new ValidationException("name", "validation.tooLong", 100);
		}
		Set<String> chosen = new LinkedHashSet<>(scopes == null ? List.of() : scopes);
		if (chosen.isEmpty()) {
			throw new ValidationException("scopes", "token.scopes.none");
		}
		if (!scopes().containsAll(chosen)) {
			throw new ValidationException("scopes", "token.scopes.unknown");
		}
		if (days != null && (days < 1 || days > 366)) {
			throw new ValidationException("days", "token.days.range", 1, 366);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		long id = this.jdbc.sql("""
				insert into accounts_api_token (organisation_id, user_id, name, prefix, token_hash, scopes, expires_at)
				values (:org, :user, :name, :prefix, :hash, :scopes, :expires) returning id""")
			.param("org", user.organisationId())
			.param("user", user.userId())
			.param("name", clean)
			.param("prefix", secret.substring(0, PREFIX.length() + 6))
			.param("hash", hash(secret))
			.param("scopes", chosen.toArray(String[]::new))
			.param("expires", days == null ? null : Timestamp.from(Instant.now().plus(Duration.ofDays(days))))
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), "accounts_api_token", id, "CREATED", clean, Map.of());
		return new Created(secret, get(user, id));
	}

	@Transactional(readOnly = true)
	public List<ApiToken> mine(StratlasPrincipal user) {
		return this.jdbc.sql("select * from accounts_api_token where user_id = :user order by created_at desc, id desc")
			.param("user", user.userId())
			.query((rs, row) -> token(rs))
			.list();
	}

	private ApiToken get(StratlasPrincipal user, long id) {
		return this.jdbc.sql("select * from accounts_api_token where id = :id and user_id = :user")
			.param("id", id)
			.param("user", user.userId())
			.query((rs, row) -> token(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("token", id));
	}

	/** Revokes one of the user's own tokens; it stops working at once. */
	public ApiToken revoke(StratlasPrincipal user, long id) {
		ApiToken token = get(user, id);
		if (token.revokedAt() == null) {
			this.jdbc.sql("update accounts_api_token set revoked_at = now(), revoked_by = :actor where id = :id")
				.param("actor", user.username())
				.param("id", id)
				.update();
			this.audit.record(user.organisationId(), user.username(), "accounts_api_token", id, "REVOKED", token.name(),
					Map.of());
		}
		return get(user, id);
	}

	/**
	 * The user a token acts as, when the token is known, not revoked, not expired and its
	 * user is enabled; the user's current roles apply.
	 */
	public Optional<Bearer> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Optional<Bearer> bearer = this.jdbc.sql("""
				select t.id as token_id, t.scopes, t.last_used_at, u.* from accounts_api_token t
				join accounts_user u on u.id = t.user_id
				where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
				and u.enabled""").param("hash", hash(secret)).query((rs, row) -> {
			Timestamp used = rs.getTimestamp("last_used_at");
			long tokenId = rs.getLong("token_id");
			if (used == null || used.toInstant().isBefore(Instant.now().minus(LAST_USED_PRECISION))) {
				this.jdbc.sql("update accounts_api_token set last_used_at = now() where id = :id")
					.param("id", tokenId)
					.update();
			}
			long unit = rs.getLong("unit_id");
			LocalUser user = new LocalUser(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("username"),
					rs.getString("display_name"), UserAccounts.roles(rs.getArray("roles")), null, true, false,
					rs.wasNull() ? null : unit);
			return new Bearer(user, Set.copyOf(strings(rs.getArray("scopes"))), tokenId);
		}).optional();
		return bearer;
	}

	private static ApiToken token(ResultSet rs) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
				strings(rs.getArray("scopes")), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
