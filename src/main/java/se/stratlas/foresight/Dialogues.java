package se.stratlas.foresight;

import java.sql.Array;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.foresight.Dialogue.AgendaItem;
import se.stratlas.foresight.Dialogue.Track;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * Dialogue events: the agenda with times and speakers, parallel tracks with their
 * challenges, and each group's outcome and next steps as the samtalsledare reports them
 * back (every change in the history, no edit overwriting another).
 */
@Component
@Transactional
public class Dialogues {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Dialogues(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Dialogue> list(long organisationId) {
		return this.jdbc.sql("select id from foresight_event where organisation_id = :org order by held_on desc, id")
			.param("org", organisationId)
			.query(Long.class)
			.list()
			.stream()
			.map(id -> get(organisationId, id))
			.toList();
	}

	@Transactional(readOnly = true)
	public Dialogue get(long organisationId, long id) {
		List<AgendaItem> agenda = this.jdbc
			.sql("select * from foresight_agenda_item where event_id = :id order by starts_at nulls last, id")
			.param("id", id)
			.query((rs, row) -> new AgendaItem(rs.getLong("id"),
					rs.getTime("starts_at") == null ? null : rs.getTime("starts_at").toLocalTime(),
					rs.getTime("ends_at") == null ? null : rs.getTime("ends_at").toLocalTime(), rs.getString("title"),
					rs.getString("speakers")))
			.list();
		List<Track> tracks = this.jdbc.sql("select * from foresight_track where event_id = :id order by position, id")
			.param("id", id)
			.query((rs, row) -> {
				Array items = rs.getArray("item_ids");
				return new Track(rs.getLong("id"), rs.getInt("position"), rs.getString("question"),
						rs.getString("background"), rs.getString("figures"), rs.getString("facilitator"),
						rs.getString("outcome"), rs.getString("next_steps"), Scanning.uuids(rs, "element_keys"),
						items == null ? List.of() : Arrays.asList((Long[]) items.getArray()), rs.getInt("version"),
						rs.getString("updated_by"));
			})
			.list();
		return this.jdbc.sql("select * from foresight_event where id = :id and organisation_id = :org")
			.param("id", id)
			.param("org", organisationId)
			.query((rs, row) -> new Dialogue(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
					rs.getDate("held_on") == null ? null : rs.getDate("held_on").toLocalDate(), rs.getString("place"),
					rs.getString("moderator"), rs.getString("description"), rs.getString("demo_note"), agenda, tracks))
			.optional()
			.orElseThrow(() -> new NotFoundException("dialogue", id));
	}

	/**
	 * Dialogues with a track whose question, background, outcome or next steps contain
	 * the words.
	 */
	@Transactional(readOnly = true)
	public List<Dialogue> search(long organisationId, String q) {
		if (q == null || q.isBlank()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select distinct e.id from foresight_event e left join foresight_track t on t.event_id = e.id
					where e.organisation_id = :org and lower(e.name || ' ' || coalesce(t.question, '') || ' '
					|| coalesce(t.background, '') || ' ' || coalesce(t.outcome, '') || ' ' || coalesce(t.next_steps, '')) like :q""")
			.param("org", organisationId)
			.param("q", "%" + q.strip().toLowerCase(Locale.ROOT) + "%")
			.query(Long.class)
			.list()
			.stream()
			.map(id -> get(organisationId, id))
			.toList();
	}

	public Dialogue create(StratlasPrincipal user, String name, LocalDate heldOn, String place, String moderator,
			String description, String demoNote) {
		Scanning.requireWriter(user);
		String clean = Texts.clean(name);
		if (clean == null) {
			throw new ValidationException("name", "validation.required");
		}
		long id = this.jdbc.sql("""
				insert into foresight_event (organisation_id, name, held_on, place, moderator, description, demo_note,
				created_by) values (:org, :name, :on, :place, :moderator, :description, :demo, :actor) returning id""")
			.param("org", user.organisationId())
			.param("name", clean)
			.param("on", heldOn)
			.param("place", Texts.clean(place))
			.param("moderator", Texts.clean(moderator))
			.param("description", Texts.clean(description))
			.param("demo", demoNote)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), "foresight_event", id, "CREATED", clean, Map.of());
		return get(user.organisationId(), id);
	}

	/** Adds a point to the agenda; the end may not come before the start. */
	public AgendaItem addAgendaItem(StratlasPrincipal user, long eventId, LocalTime startsAt, LocalTime endsAt,
			String title, String speakers) {
		Scanning.requireWriter(user);
		get(user.organisationId(), eventId);
		String clean = Texts.clean(title);
		if (clean == null) {
			throw new ValidationException("title", "validation.required");
		}
		if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
			throw new ValidationException("endsAt", "dialogue.time.order");
		}
		long id = this.jdbc.sql("""
				insert into foresight_agenda_item (event_id, starts_at, ends_at, title, speakers)
				values (:event, :start, :end, :title, :speakers) returning id""")
			.param("event", eventId)
			.param("start", startsAt)
			.param("end", endsAt)
			.param("title", clean)
			.param("speakers", Texts.clean(speakers))
			.query(Long.class)
			.single();
		return new AgendaItem(id, startsAt, endsAt, clean, Texts.clean(speakers));
	}

	/** Adds a parallel track with the question put to its group. */
	public Track addTrack(StratlasPrincipal user, long eventId, String question, String background, String figures,
			String facilitator, List<UUID> elementKeys) {
		Scanning.requireWriter(user);
		Dialogue dialogue = get(user.organisationId(), eventId);
		String clean = Texts.clean(question);
		if (clean == null) {
			throw new ValidationException("question", "validation.required");
		}
		long id = this.jdbc
			.sql("""
					insert into foresight_track (event_id, position, question, background, figures, facilitator, element_keys,
					updated_by) values (:event, :position, :question, :background, :figures, :facilitator, :keys, :actor)
					returning id""")
			.param("event", eventId)
			.param("position", dialogue.tracks().size() + 1)
			.param("question", clean)
			.param("background", Texts.clean(background))
			.param("figures", Texts.clean(figures))
			.param("facilitator", Texts.clean(facilitator))
			.param("keys", (elementKeys == null ? List.<UUID>of() : elementKeys).toArray(UUID[]::new))
			.param("actor", user.username())
			.query(Long.class)
			.single();
		return track(user.organisationId(), eventId, id);
	}

	private Track track(long organisationId, long eventId, long trackId) {
		return get(organisationId, eventId).tracks()
			.stream()
			.filter(t -> t.id() == trackId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("track", trackId));
	}

	/**
	 * Records a group's outcome and next steps, and what they concern; refused (nothing
	 * overwritten) when someone else reported in between.
	 */
	public Track report(StratlasPrincipal user, long eventId, long trackId, int expectedVersion, String outcome,
			String nextSteps, List<UUID> elementKeys, List<Long> itemIds) {
		Scanning.requireWriter(user);
		Track before = track(user.organisationId(), eventId, trackId);
		List<Long> known = itemIds == null ? List.of() : itemIds.stream().filter(Objects::nonNull).distinct().toList();
		if (!known.isEmpty()) {
			int own = this.jdbc
				.sql("select count(*) from foresight_item where id = any(:ids) and organisation_id = :org")
				.param("ids", known.toArray(Long[]::new))
				.param("org", user.organisationId())
				.query(Integer.class)
				.single();
			if (own != known.size()) {
				throw new ValidationException("itemIds", "validation.unknown");
			}
		}
		int updated = this.jdbc
			.sql("""
					update foresight_track set outcome = :outcome, next_steps = :next, element_keys = :keys, item_ids = :items,
					version = version + 1, updated_at = now(), updated_by = :actor where id = :id and version = :version""")
			.param("outcome", Texts.clean(outcome))
			.param("next", Texts.clean(nextSteps))
			.param("keys", (elementKeys == null ? List.<UUID>of() : elementKeys).toArray(UUID[]::new))
			.param("items", known.toArray(Long[]::new))
			.param("actor", user.username())
			.param("id", trackId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException("foresight_track", trackId, before);
		}
		this.audit.record(user.organisationId(), user.username(), "foresight_track", trackId, "UPDATED",
				before.question(), Map.of("outcome", new FieldChange(before.outcome(), Texts.clean(outcome)),
						"nextSteps", new FieldChange(before.nextSteps(), Texts.clean(nextSteps))));
		return track(user.organisationId(), eventId, trackId);
	}

}
