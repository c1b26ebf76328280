package se.stratlas.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;

/**
 * The organisations of this instance and their profiles. A platform administrator creates
 * them; an organisation's administrator keeps its profile: name, kind, home area (the
 * county, or the municipality, that every default area and area list starts from) and
 * contact. Profiles are edited with optimistic locking and history.
 */
@Component
public class Organisations {

	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final String COLUMNS = "id, code, name, kind, home_area, contact_email, contact_phone, website, version";

	private static final String ENTITY = "organisation";

	private final JdbcClient jdbc;

	private final Areas areas;

	private final AuditTrail audit;

	/**
	 * The layout names the organisation on every page, so each is read at most every half
	 * minute (and at once again by the instance that changed it).
	 */
	private final Cache<Long, Organisation> byId = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(10_000)
		.build();

	Organisations(JdbcClient jdbc, Areas areas, AuditTrail audit) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.audit = audit;
	}

	public List<Organisation> all() {
		return this.jdbc.sql("select " + COLUMNS + " from accounts_organisation order by name")
			.query(Organisation.class)
			.list();
	}

	public Optional<Organisation> findByCode(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from accounts_organisation where code = :code")
			.param("code", code)
			.query(Organisation.class)
			.optional();
	}

	/** The organisation with this id. */
	public Organisation get(long id) {
		return this.byId.get(id,
				key -> this.jdbc.sql("select " + COLUMNS + " from accounts_organisation where id = :id")
					.param("id", key)
					.query(Organisation.class)
					.optional()
					.orElseThrow(() -> new NotFoundException("organisation", key)));
	}

	/**
	 * The area an organisation's pages start from: its home area, or Sweden until one is
	 * set.
	 */
	public String homeArea(long organisationId) {
		String home = get(organisationId).homeArea();
		return home == null ? Areas.SWEDEN : home;
	}

	/**
	 * The organisation's county: its home area's county, or null until a home area is
	 * set.
	 */
	public String homeCounty(long organisationId) {
		String home = get(organisationId).homeArea();
		return home == null ? null : this.areas.countyOf(home);
	}

	/** Returns the organisation with this code, creating it the first time. */
	@Transactional
	public Organisation ensure(String code, String name) {
		this.jdbc
			.sql("insert into accounts_organisation (code, name) values (:code, :name) on conflict (code) do nothing")
			.param("code", code)
			.param("name", name)
			.update();
		return findByCode(code).orElseThrow();
	}

	/** Creates an organisation with its profile (by a platform administrator). */
	@Transactional
	public Organisation create(String code, Organisation.Profile profile, String actor) {
		List<Violation> violations = new ArrayList<>();
		String clean = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		if (!CODE.matcher(clean).matches()) {
			violations.add(new Violation("code", "organisation.code.invalid"));
		}
		else if (findByCode(clean).isPresent()) {
			violations.add(new Violation("code", "organisation.code.taken", clean));
		}
		check(profile, violations);
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		long id = this.jdbc.sql("""
				insert into accounts_organisation (code, name, kind, home_area, contact_email, contact_phone, website,
				updated_by) values (:code, :name, :kind, :home, :email, :phone, :website, :actor) returning id""")
			.param("code", clean)
			.param("name", profile.name().strip())
			.param("kind", profile.kind().name())
			.param("home", Texts.clean(profile.homeArea()))
			.param("email", Texts.clean(profile.contactEmail()))
			.param("phone", Texts.clean(profile.contactPhone()))
			.param("website", Texts.clean(profile.website()))
			.param("actor", actor)
			.query(Long.class)
			.single();
		this.audit.record(id, actor, ENTITY, id, "CREATED", profile.name().strip(), changes(null, get(id)));
		return get(id);
	}

	/** Changes the profile; a stale {@code expectedVersion} is an edit conflict. */
	@Transactional
	public Organisation update(long id, int expectedVersion, Organisation.Profile profile, String actor) {
		Organisation before = get(id);
		List<Violation> violations = new ArrayList<>();
		check(profile, violations);
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		int updated = this.jdbc.sql("""
				update accounts_organisation set name = :name, kind = :kind, home_area = :home, contact_email = :email,
				contact_phone = :phone, website = :website, version = version + 1, updated_at = now(),
				updated_by = :actor where id = :id and version = :version""")
			.param("name", profile.name().strip())
			.param("kind", profile.kind().name())
			.param("home", Texts.clean(profile.homeArea()))
			.param("email", Texts.clean(profile.contactEmail()))
			.param("phone", Texts.clean(profile.contactPhone()))
			.param("website", Texts.clean(profile.website()))
			.param("actor", actor)
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		this.byId.invalidate(id);
		if (updated == 0) {
			throw new EditConflictException(ENTITY, id, get(id));
		}
		Organisation after = get(id);
		this.audit.record(id, actor, ENTITY, id, "UPDATED", after.name(), changes(before, after));
		return after;
	}

	private void check(Organisation.Profile profile, List<Violation> violations) {
		if (profile == null) {
			violations.add(new Violation("name", "validation.required"));
			return;
		}
		String name = Texts.clean(profile.name());
		if (name == null) {
			violations.add(new Violation("name", "validation.required"));
		}
		else if (name.length() > 200) {
			violations.add(new Violation("name", "validation.tooLong", 200));
		}
		if (profile.kind() == null) {
			violations.add(new Violation("kind", "validation.required"));
		}
		String home = Texts.clean(profile.homeArea());
		if (home != null) {
			Optional<Area> area = this.areas.find(home);
			if (area.isEmpty() || area.get().kind() == Area.Kind.COUNTRY) {
				violations.add(new Violation("homeArea", "organisation.homeArea.invalid"));
			}
			else if (profile.kind() == Organisation.Kind.REGION && area.get().kind() != Area.Kind.COUNTY) {
				violations.add(new Violation("homeArea", "organisation.homeArea.county"));
			}
			else if (profile.kind() == Organisation.Kind.KOMMUN && area.get().kind() != Area.Kind.MUNICIPALITY) {
				violations.add(new Violation("homeArea", "organisation.homeArea.municipality"));
			}
		}
		String email = Texts.clean(profile.contactEmail());
		if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
			violations.add(new Violation("contactEmail", "organisation.email.invalid"));
		}
		String phone = Texts.clean(profile.contactPhone());
		if (phone != null && (phone.length() > 40 || !phone.matches("[0-9+()\\- ]+"))) {
			violations.add(new Violation("contactPhone", "organisation.phone.invalid"));
		}
		String website = Texts.clean(profile.website());
		if (website != null && (website.length() > 2000 || !website.matches("https?://\\S+"))) {
			violations.add(new Violation("website", "organisation.website.invalid"));
		}
	}

	private Map<String, FieldChange> changes(Organisation before, Organisation after) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("name", new FieldChange(before == null ? null : before.name(), after.name()));
		changes.put("kind", new FieldChange(before == null ? null : before.kind().name(), after.kind().name()));
		changes.put("homeArea",
				new FieldChange(before == null ? null : areaName(before.homeArea()), areaName(after.homeArea())));
		changes.put("contactEmail",
				new FieldChange(before == null ? null : before.contactEmail(), after.contactEmail()));
		changes.put("contactPhone",
				new FieldChange(before == null ? null : before.contactPhone(), after.contactPhone()));
		changes.put("website", new FieldChange(before == null ? null : before.website(), after.website()));
		return changes;
	}

	private String areaName(String code) {
		return code == null ? null : this.areas.name(code);
	}

}
