package se.stratlas.foresight;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshop.SwotItem;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * Changing a workshop's SWOT board. Every SWOT item is its own row with its own version,
 * so facilitators working at the same time add, change and move items without touching
 * each other's; when two change the same item, the later text is kept as a new item next
 * to it and the writer is told. Nothing anyone writes is lost.
 */
@Component
@Transactional
public class SwotBoard {

	/** Longest text of one SWOT item. */
	static final int MAX_ITEM = 2_000;

	/**
	 * What an edit did: saved, or kept as a new item because someone else changed the
	 * same one.
	 */
	public record EditResult(SwotItem item, SwotItem theirs) {

		public boolean conflicted() {
			return this.theirs != null;
		}

	}

	private final JdbcClient jdbc;

	private final Workshops workshops;

	private final AuditTrail audit;

	SwotBoard(JdbcClient jdbc, Workshops workshops, AuditTrail audit) {
		this.jdbc = jdbc;
		this.workshops = workshops;
		this.audit = audit;
	}

	private static String text(String text) {
		String clean = Texts.clean(text);
		if (clean == null) {
			throw new ValidationException("text", "validation.required");
		}
		if (clean.length() > MAX_ITEM) {
			throw new ValidationException("text", "validation.tooLong", MAX_ITEM);
		}
		return clean;
	}

	/** Adds an item at the end of its quadrant. */
	public SwotItem add(StratlasPrincipal user, long workshopId, Quadrant quadrant, String text) {
		Scanning.requireWriter(user);
		this.workshops.get(user.organisationId(), workshopId);
		if (quadrant == null) {
			throw new ValidationException("quadrant", "validation.required");
		}
		String clean = text(text);
		// Lock the workshop row briefly so that two items added at once get distinct
		// places.
		this.jdbc.sql("select id from foresight_workshop where id = :id for update")
			.param("id", workshopId)
			.query(Long.class)
			.single();
		double position = this.jdbc.sql(
				"select coalesce(max(position), 0) + 1 from foresight_swot_item where workshop_id = :id and quadrant = :q")
			.param("id", workshopId)
			.param("q", quadrant.name())
			.query(Double.class)
			.single();
		long id = insert(workshopId, quadrant, position, clean, user.username());
		this.audit.record(user.organisationId(), user.username(), "foresight_swot_item", id, "CREATED", clean,
				Map.of("quadrant", new FieldChange(null, quadrant.name())));
		return item(id);
	}

	private long insert(long workshopId, Quadrant quadrant, double position, String text, String actor) {
		return this.jdbc.sql("""
				insert into foresight_swot_item (workshop_id, quadrant, position, text, created_by, updated_by)
				values (:workshop, :quadrant, :position, :text, :actor, :actor) returning id""")
			.param("workshop", workshopId)
			.param("quadrant", quadrant.name())
			.param("position", position)
			.param("text", text)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	private SwotItem item(long id) {
		return this.jdbc.sql("select * from foresight_swot_item where id = :id")
			.param("id", id)
			.query(Workshops.ITEM)
			.optional()
			.orElseThrow(() -> new NotFoundException("swot item", id));
	}

	private SwotItem owned(StratlasPrincipal user, long workshopId, long itemId) {
		this.workshops.get(user.organisationId(), workshopId);
		SwotItem item = item(itemId);
		if (item.workshopId() != workshopId) {
			throw new NotFoundException("swot item", itemId);
		}
		return item;
	}

	/**
	 * Changes an item's text. If someone else changed it since {@code expectedVersion},
	 * their text stays and this one is added right after it; the result says so.
	 */
	public EditResult edit(StratlasPrincipal user, long workshopId, long itemId, int expectedVersion, String text) {
		Scanning.requireWriter(user);
		SwotItem before = owned(user, workshopId, itemId);
		String clean = text(text);
		int updated = this.jdbc
			.sql("""
					update foresight_swot_item set text = :text, version = version + 1, updated_at = now(), updated_by = :actor
					where id = :id and version = :version""")
			.param("text", clean)
			.param("actor", user.username())
			.param("id", itemId)
			.param("version", expectedVersion)
			.update();
		if (updated == 1) {
			this.audit.record(user.organisationId(), user.username(), "foresight_swot_item", itemId, "UPDATED", clean,
					Map.of("text", new FieldChange(before.text(), clean)));
			return new EditResult(item(itemId), null);
		}
		double next = this.jdbc.sql("""
				select coalesce(min(position), :position + 1) from foresight_swot_item
				where workshop_id = :workshop and quadrant = :q and position > :position""")
			.param("workshop", workshopId)
			.param("q", before.quadrant().name())
			.param("position", before.position())
			.query(Double.class)
			.single();
		long id = insert(workshopId, before.quadrant(), (before.position() + next) / 2, clean, user.username());
		this.audit.record(user.organisationId(), user.username(), "foresight_swot_item", id, "CREATED", clean,
				Map.of("keptBeside", new FieldChange(null, itemId)));
		return new EditResult(item(id), before);
	}

	/**
	 * Moves an item one place up or down in its quadrant, or to the end of another
	 * quadrant.
	 */
	public SwotItem move(StratlasPrincipal user, long workshopId, long itemId, String direction, Quadrant to) {
		Scanning.requireWriter(user);
		SwotItem item = owned(user, workshopId, itemId);
		if (to != null && to != item.quadrant()) {
			double position = this.jdbc.sql(
					"select coalesce(max(position), 0) + 1 from foresight_swot_item where workshop_id = :id and quadrant = :q")
				.param("id", workshopId)
				.param("q", to.name())
				.query(Double.class)
				.single();
			this.jdbc.sql("""
					update foresight_swot_item set quadrant = :q, position = :position, version = version + 1,
					updated_at = now(), updated_by = :actor where id = :id""")
				.param("q", to.name())
				.param("position", position)
				.param("actor", user.username())
				.param("id", itemId)
				.update();
			return item(itemId);
		}
		boolean up = "up".equals(direction);
		List<SwotItem> neighbours = this.jdbc
			.sql("select * from foresight_swot_item where workshop_id = :id and quadrant = :q"
					+ (up ? " and position < :position order by position desc"
							: " and position > :position order by position")
					+ " limit 1")
			.param("id", workshopId)
			.param("q", item.quadrant().name())
			.param("position", item.position())
			.query(Workshops.ITEM)
			.list();
		if (neighbours.isEmpty()) {
			return item;
		}
		SwotItem other = neighbours.getFirst();
		swap(itemId, other.position(), user.username());
		swap(other.id(), item.position(), user.username());
		return item(itemId);
	}

	private void swap(long id, double position, String actor) {
		this.jdbc.sql("""
				update foresight_swot_item set position = :position, version = version + 1, updated_at = now(),
				updated_by = :actor where id = :id""")
			.param("position", position)
			.param("actor", actor)
			.param("id", id)
			.update();
	}

	/**
	 * Removes an item; refused if someone changed it since it was shown (their change
	 * would be lost).
	 */
	public void remove(StratlasPrincipal user, long workshopId, long itemId, int expectedVersion) {
		Scanning.requireWriter(user);
		SwotItem item = owned(user, workshopId, itemId);
		int deleted = this.jdbc.sql("delete from foresight_swot_item where id = :id and version = :version")
			.param("id", itemId)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new EditConflictException("foresight_swot_item", itemId, item);
		}
		this.audit.record(user.organisationId(), user.username(), "foresight_swot_item", itemId, "DELETED", item.text(),
				Map.of());
	}

}
