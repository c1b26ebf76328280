package se.stratlas.followup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.internal.FollowupRepository;
import se.stratlas.followup.internal.RevisionStore;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * Report products: one contribution, written once, shown in every product that uses its
 * section. A product shows each contribution's last approved text; once frozen it keeps
 * the revisions it had, and a later edit is flagged in the product and at the
 * contribution.
 */
@Component
@Transactional
public class Products {

	static final String ENTITY = "followup_product";

	/** How a contribution appears in a product. */
	public enum Status {

		/** The approved (or frozen) text is shown and is the current one. */
		CURRENT,
		/**
		 * Changed after its approval; the approved text is shown until the change is
		 * approved.
		 */
		CHANGED_SINCE_APPROVAL,
		/** Changed after the product was frozen; the frozen text is shown. */
		CHANGED_AFTER_FREEZE,
		/**
		 * Not approved (or not approved when the product was frozen): nothing is shown.
		 */
		MISSING;

		public String messageKey() {
			return "product.status." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** One unit's text in a product. */
	public record Entry(Contribution contribution, String unitName, Integer revision, String text, Status status) {
	}

	/** One section of a product with the units' texts. */
	public record Part(Section section, List<Entry> entries) {
	}

	private final FollowupRepository repository;

	private final Contributions contributions;

	private final RevisionStore store;

	private final OrganisationUnits units;

	private final AuditTrail audit;

	Products(FollowupRepository repository, Contributions contributions, RevisionStore store, OrganisationUnits units,
			AuditTrail audit) {
		this.repository = repository;
		this.contributions = contributions;
		this.store = store;
		this.units = units;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Product> list(long organisationId, long cycleId) {
		this.repository.cycle(organisationId, cycleId);
		return this.repository.products(cycleId);
	}

	@Transactional(readOnly = true)
	public Product get(long organisationId, long cycleId, long productId) {
		return list(organisationId, cycleId).stream()
			.filter(p -> p.id() == productId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("product", productId));
	}

	static void requireStrategist(StratlasPrincipal user) {
		if (!user.can(Role.STRATEGIST)) {
			throw new AccessDeniedException("Only a strateg configures report products");
		}
	}

	public Product create(StratlasPrincipal user, long cycleId, String name, ProductKind kind, List<Long> sectionIds) {
		requireStrategist(user);
		this.repository.cycle(user.organisationId(), cycleId);
		String clean = Texts.clean(name);
		if (clean == null) {
			throw new ValidationException("name", "validation.required");
		}
		if (list(user.organisationId(), cycleId).stream().anyMatch(p -> p.name().equalsIgnoreCase(clean))) {
			throw new ValidationException("name", "product.name.taken");
		}
		long id = this.repository.jdbc()
			.sql("insert into followup_product (cycle_id, name, kind) values (:cycle, :name, :kind) returning id")
			.param("cycle", cycleId)
			.param("name", clean)
			.param("kind", (kind == null ? ProductKind.OTHER : kind).name())
			.query(Long.class)
			.single();
		link(cycleId, id, sectionIds);
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", clean, Map.of());
		return get(user.organisationId(), cycleId, id);
	}

	/** Sets which sections the product uses; refused while it is frozen. */
	public Product configure(StratlasPrincipal user, long cycleId, long productId, int expectedVersion,
			List<Long> sectionIds) {
		requireStrategist(user);
		Product before = get(user.organisationId(), cycleId, productId);
		if (before.frozen()) {
			throw new ValidationException("", "product.frozen");
		}
		bump(before, expectedVersion);
		this.repository.jdbc()
			.sql("delete from followup_product_section where product_id = :id")
			.param("id", productId)
			.update();
		link(cycleId, productId, sectionIds);
		this.audit.record(user.organisationId(), user.username(), ENTITY, productId, "UPDATED", before.name(), Map.of(
				"sections",
				new FieldChange(before.sectionIds().size(), sectionIds == null ? 0 : Set.copyOf(sectionIds).size())));
		return get(user.organisationId(), cycleId, productId);
	}

	private void link(long cycleId, long productId, List<Long> sectionIds) {
		if (sectionIds == null) {
			return;
		}
		for (long sectionId : Set.copyOf(sectionIds)) {
			this.repository.section(cycleId, sectionId);
			this.repository.jdbc()
				.sql("insert into followup_product_section (product_id, section_id) values (:p, :s) on conflict do nothing")
				.param("p", productId)
				.param("s", sectionId)
				.update();
		}
	}

	/** Raises the product's version, or refuses when another edit came first. */
	void bump(Product before, int expectedVersion) {
		int updated = this.repository.jdbc()
			.sql("update followup_product set version = version + 1 where id = :id and version = :version")
			.param("id", before.id())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ENTITY, before.id(), before);
		}
	}

	/**
	 * Freezes the product: it keeps showing the texts approved now, whatever happens
	 * later.
	 */
	public Product freeze(StratlasPrincipal user, long cycleId, long productId, int expectedVersion) {
		requireStrategist(user);
		Product before = get(user.organisationId(), cycleId, productId);
		if (before.frozen()) {
			throw new ValidationException("", "product.frozen");
		}
		bump(before, expectedVersion);
		this.repository.jdbc().sql("""
				insert into followup_product_freeze (product_id, contribution_id, revision)
				select :product, c.id, c.approved_revision from followup_contribution c
				join followup_product_section ps on ps.section_id = c.section_id and ps.product_id = :product
				where c.approved_revision is not null""").param("product", productId).update();
		this.repository.jdbc()
			.sql("update followup_product set frozen_at = now(), frozen_by = :actor where id = :id")
			.param("actor", user.username())
			.param("id", productId)
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, productId, "FROZEN", before.name(), Map.of());
		return get(user.organisationId(), cycleId, productId);
	}

	/** Lifts the freeze so that the product shows the current approved texts again. */
	public Product unfreeze(StratlasPrincipal user, long cycleId, long productId, int expectedVersion) {
		requireStrategist(user);
		Product before = get(user.organisationId(), cycleId, productId);
		if (!before.frozen()) {
			throw new ValidationException("", "product.notFrozen");
		}
		bump(before, expectedVersion);
		this.repository.jdbc()
			.sql("delete from followup_product_freeze where product_id = :id")
			.param("id", productId)
			.update();
		this.repository.jdbc()
			.sql("update followup_product set frozen_at = null, frozen_by = null where id = :id")
			.param("id", productId)
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, productId, "UNFROZEN", before.name(),
				Map.of());
		return get(user.organisationId(), cycleId, productId);
	}

	/**
	 * The product's own order of its sections (section id → position), empty when it
	 * follows the template.
	 */
	private Map<Long, Integer> positions(long productId) {
		Map<Long, Integer> positions = new HashMap<>();
		this.repository.jdbc()
			.sql("select section_id, position from followup_product_section where product_id = :id and position is not null")
			.param("id", productId)
			.query((rs, row) -> positions.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return positions;
	}

	/** The product's sections in its order (its own, else the template's). */
	@Transactional(readOnly = true)
	public List<Section> orderedSections(long organisationId, long cycleId, long productId) {
		Product product = get(organisationId, cycleId, productId);
		Map<Long, Integer> positions = positions(productId);
		List<Section> sections = new ArrayList<>(
				this.repository.sections(cycleId).stream().filter(s -> product.sectionIds().contains(s.id())).toList());
		if (!positions.isEmpty()) {
			sections.sort(Comparator.comparing((Section s) -> positions.getOrDefault(s.id(), Integer.MAX_VALUE)));
		}
		return sections;
	}

	/** Moves a section one place up or down in the product (not while it is frozen). */
	public Product move(StratlasPrincipal user, long cycleId, long productId, int expectedVersion, long sectionId,
			boolean up) {
		requireStrategist(user);
		Product before = get(user.organisationId(), cycleId, productId);
		if (before.frozen()) {
			throw new ValidationException("", "product.frozen");
		}
		List<Section> order = orderedSections(user.organisationId(), cycleId, productId);
		int index = -1;
		for (int i = 0; i < order.size(); i++) {
			if (order.get(i).id() == sectionId) {
				index = i;
			}
		}
		if (index < 0) {
			throw new NotFoundException("section", sectionId);
		}
		int other = up ? index - 1 : index + 1;
		bump(before, expectedVersion);
		if (other >= 0 && other < order.size()) {
			Collections.swap(order, index, other);
		}
		for (int i = 0; i < order.size(); i++) {
			this.repository.jdbc()
				.sql("update followup_product_section set position = :position where product_id = :p and section_id = :s")
				.param("position", i + 1)
				.param("p", productId)
				.param("s", order.get(i).id())
				.update();
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, productId, "MOVED", before.name(), Map.of());
		return get(user.organisationId(), cycleId, productId);
	}

	/** What the product shows, section by section in the product's order. */
	@Transactional(readOnly = true)
	public List<Part> content(long organisationId, long cycleId, long productId) {
		Product product = get(organisationId, cycleId, productId);
		Map<Long, String> unitNames = this.units.names(organisationId);
		// Units in the organisation's order (its tree), not by name: a report lists its
		// divisions as the organisation does.
		Map<Long, Integer> unitOrder = new HashMap<>();
		for (var unit : this.units.list(organisationId)) {
			unitOrder.put(unit.id(), unitOrder.size());
		}
		List<Contribution> all = this.repository.contributions(cycleId);
		List<Part> parts = new ArrayList<>();
		for (Section section : orderedSections(organisationId, cycleId, productId)) {
			List<Entry> entries = new ArrayList<>();
			for (Contribution c : all) {
				if (c.sectionId() != section.id()) {
					continue;
				}
				entries.add(entry(organisationId, product, c, unitNames.getOrDefault(c.unitId(), "?")));
			}
			entries.sort(Comparator
				.comparing((Entry e) -> unitOrder.getOrDefault(e.contribution().unitId(), Integer.MAX_VALUE))
				.thenComparing(Entry::unitName));
			parts.add(new Part(section, entries));
		}
		return parts;
	}

	private Entry entry(long organisationId, Product product, Contribution c, String unitName) {
		if (product.frozen()) {
			Integer frozen = this.store.frozenRevision(product.id(), c.id());
			if (frozen == null) {
				return new Entry(c, unitName, null, null, Status.MISSING);
			}
			return new Entry(c, unitName, frozen, this.contributions.textAt(organisationId, c.id(), frozen),
					c.revision() != frozen ? Status.CHANGED_AFTER_FREEZE : Status.CURRENT);
		}
		if (c.approvedRevision() == null) {
			return new Entry(c, unitName, null, null, Status.MISSING);
		}
		return new Entry(c, unitName, c.approvedRevision(),
				this.contributions.textAt(organisationId, c.id(), c.approvedRevision()),
				c.revision() != c.approvedRevision() ? Status.CHANGED_SINCE_APPROVAL : Status.CURRENT);
	}

}
