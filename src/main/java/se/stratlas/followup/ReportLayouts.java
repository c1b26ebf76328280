package se.stratlas.followup;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.ReportBlock.Kind;
import se.stratlas.followup.internal.FollowupRepository;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.ValidationException;

/**
 * The structure of each report product as data: the parts in order, each with its
 * heading, and for a question its text, the sections that answer it and the indicators
 * that give the figures asked for. A product without a structure of its own follows its
 * kind's default ({@link ReportBlock#defaults}). Every change is kept in the audit trail
 * with the structure before and after.
 */
@Component
@Transactional
public class ReportLayouts {

	/** The most parts a structure holds. */
	public static final int MAX_BLOCKS = 60;

	public static final int MAX_TITLE = 200;

	public static final int MAX_QUESTION = 4000;

	/**
	 * A product's structure and whether it is the product's own or its kind's default.
	 */
	public record Layout(Product product, List<ReportBlock> blocks, boolean custom) {
	}

	/**
	 * What the structure's form offers besides the structure: the cycle, its sections (to
	 * answer a question) and the indicators (to give the figures asked for).
	 */
	public record LayoutPage(Layout layout, Cycle cycle, List<Section> sections,
			List<IndicatorDefinition> indicatorChoices) {
	}

	private final FollowupRepository repository;

	private final Products products;

	private final IndicatorRegistry indicators;

	private final AuditTrail audit;

	ReportLayouts(FollowupRepository repository, Products products, IndicatorRegistry indicators, AuditTrail audit) {
		this.repository = repository;
		this.products = products;
		this.indicators = indicators;
		this.audit = audit;
	}

	/** A product's structure with what its form offers to choose from. */
	@Transactional(readOnly = true)
	public LayoutPage page(long organisationId, long cycleId, long productId) {
		return new LayoutPage(layout(organisationId, cycleId, productId),
				this.repository.cycle(organisationId, cycleId), this.repository.sections(cycleId),
				this.indicators.definitions(organisationId));
	}

	@Transactional(readOnly = true)
	public Layout layout(long organisationId, long cycleId, long productId) {
		Product product = this.products.get(organisationId, cycleId, productId);
		List<ReportBlock> own = stored(productId);
		if (!own.isEmpty()) {
			return new Layout(product, own, true);
		}
		Cycle cycle = this.repository.cycle(organisationId, cycleId);
		return new Layout(product, ReportBlock.defaults(product.kind(), cycle.kind()), false);
	}

	private List<ReportBlock> stored(long productId) {
		return this.repository.jdbc()
			.sql("""
					select kind, title, question, section_ids, indicator_codes from followup_product_block
					where product_id = :id order by position""")
			.param("id", productId)
			.query((rs, row) -> new ReportBlock(Kind.valueOf(rs.getString("kind")), rs.getString("title"),
					rs.getString("question"), longs(rs.getArray("section_ids")),
					strings(rs.getArray("indicator_codes"))))
			.list();
	}

	private static List<Long> longs(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	/**
	 * Replaces the product's structure; refused while the product is frozen, when another
	 * edit came first, and for a part that is not valid (each problem named by its field,
	 * {@code blocks[i].title} and so on). The sections a question names join the product,
	 * so that freezing keeps their texts.
	 */
	public Layout save(StratlasPrincipal user, long cycleId, long productId, int expectedVersion,
			List<ReportBlock> blocks) {
		Products.requireStrategist(user);
		Layout before = layout(user.organisationId(), cycleId, productId);
		if (before.product().frozen()) {
			throw new ValidationException("", "product.frozen");
		}
		List<ReportBlock> clean = validate(user.organisationId(), cycleId, blocks);
		this.products.bump(before.product(), expectedVersion);
		this.repository.jdbc()
			.sql("delete from followup_product_block where product_id = :id")
			.param("id", productId)
			.update();
		int position = 0;
		Set<Long> answering = new LinkedHashSet<>();
		for (ReportBlock block : clean) {
			this.repository.jdbc()
				.sql("""
						insert into followup_product_block
						(product_id, position, kind, title, question, section_ids, indicator_codes)
						values (:product, :position, :kind, :title, :question, :sections, :codes)""")
				.param("product", productId)
				.param("position", ++position)
				.param("kind", block.kind().name())
				.param("title", block.title())
				.param("question", block.question())
				.param("sections", block.sectionIds().toArray(Long[]::new))
				.param("codes", block.indicatorCodes().toArray(String[]::new))
				.update();
			answering.addAll(block.sectionIds());
		}
		for (long sectionId : answering) {
			this.repository.jdbc()
				.sql("insert into followup_product_section (product_id, section_id) values (:p, :s) on conflict do nothing")
				.param("p", productId)
				.param("s", sectionId)
				.update();
		}
		this.audit.record(user.organisationId(), user.username(), Products.ENTITY, productId, "LAYOUT",
				before.product().name(),
				Map.of("structure", new FieldChange(describe(before.blocks()), describe(clean))));
		return layout(user.organisationId(), cycleId, productId);
	}

	/** Lets the product follow its kind's default structure again. */
	public Layout reset(StratlasPrincipal user, long cycleId, long productId, int expectedVersion) {
		Products.requireStrategist(user);
		Layout before = layout(user.organisationId(), cycleId, productId);
		if (before.product().frozen()) {
			throw new ValidationException("", "product.frozen");
		}
		this.products.bump(before.product(), expectedVersion);
		this.repository.jdbc()
			.sql("delete from followup_product_block where product_id = :id")
			.param("id", productId)
			.update();
		Layout after = layout(user.organisationId(), cycleId, productId);
		this.audit.record(user.organisationId(), user.username(), Products.ENTITY, productId, "LAYOUT",
				before.product().name(),
				Map.of("structure", new FieldChange(describe(before.blocks()), describe(after.blocks()))));
		return after;
	}

	private List<ReportBlock> validate(long organisationId, long cycleId, List<ReportBlock> blocks) {
		List<Violation> problems = new ArrayList<>();
		if (blocks == null || blocks.isEmpty()) {
			throw new ValidationException("blocks", "report.block.none");
		}
		if (blocks.size() > MAX_BLOCKS) {
			throw new ValidationException("blocks", "report.block.tooMany", MAX_BLOCKS);
		}
		Set<Long> sections = new HashSet<>();
		this.repository.sections(cycleId).forEach(s -> sections.add(s.id()));
		Set<Kind> seen = EnumSet.noneOf(Kind.class);
		List<ReportBlock> clean = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			ReportBlock block = blocks.get(i);
			String field = "blocks[" + i + "].";
			if (block.kind() == null) {
				problems.add(new Violation(field + "kind", "validation.required"));
				continue;
			}
			if (!block.kind().repeatable() && !seen.add(block.kind())) {
				problems.add(new Violation(field + "kind", "report.block.duplicate"));
			}
			String title = Texts.clean(block.title());
			if (title != null && title.length() > MAX_TITLE) {
				problems.add(new Violation(field + "title", "validation.tooLong", MAX_TITLE));
			}
			String question = null;
			List<Long> sectionIds = List.of();
			List<String> codes = List.of();
			if (block.kind() == Kind.QUESTION) {
				question = Texts.clean(block.question());
				if (question == null) {
					problems.add(new Violation(field + "question", "validation.required"));
				}
				else if (question.length() > MAX_QUESTION) {
					problems.add(new Violation(field + "question", "validation.tooLong", MAX_QUESTION));
				}
				if (title == null) {
					problems.add(new Violation(field + "title", "validation.required"));
				}
				sectionIds = block.sectionIds().stream().distinct().toList();
				if (!sections.containsAll(sectionIds)) {
					problems.add(new Violation(field + "sectionIds", "report.block.unknownSection"));
				}
				codes = block.indicatorCodes()
					.stream()
					.map(String::strip)
					.filter(c -> !c.isEmpty())
					.distinct()
					.toList();
				List<String> unknown = codes.stream()
					.filter(c -> this.indicators.findByCode(organisationId, c).isEmpty())
					.toList();
				if (!unknown.isEmpty()) {
					problems.add(new Violation(field + "indicatorCodes", "report.block.unknownIndicator",
							String.join(", ", unknown)));
				}
			}
			clean.add(new ReportBlock(block.kind(), title, question, sectionIds, codes));
		}
		if (!problems.isEmpty()) {
			throw new ValidationException(problems);
		}
		return clean;
	}

	/** The structure in one line per part, as the history shows it. */
	static String describe(List<ReportBlock> blocks) {
		StringBuilder text = new StringBuilder();
		for (ReportBlock block : blocks) {
			text.append(text.isEmpty() ? "" : "\n").append(block.kind().label());
			if (block.title() != null) {
				text.append(": ").append(block.title());
			}
			if (block.question() != null) {
				text.append(" – ").append(block.question());
			}
			if (!block.sectionIds().isEmpty()) {
				text.append(" (avsnitt ").append(block.sectionIds()).append(')');
			}
			if (!block.indicatorCodes().isEmpty()) {
				text.append(" (indikatorer ").append(String.join(", ", block.indicatorCodes())).append(')');
			}
		}
		return text.toString();
	}

}
