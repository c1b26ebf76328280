package se.stratlas.followup.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Kinds.SectionTopic;
import se.stratlas.followup.Product;
import se.stratlas.followup.Section;
import se.stratlas.indicators.Period;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyLevels;

/**
 * How a new cycle gets its sections: from the strategy version's priorities, as a tertial
 * report's scorecard, or copied with its assignments and report products from an earlier
 * cycle. Called by {@code Cycles} when it creates a cycle, in its transaction.
 */
@Component
public class CycleTemplates {

	private final FollowupRepository repository;

	private final StrategyCatalog strategies;

	private final StrategyLevels levels;

	private final OrganisationUnits units;

	CycleTemplates(FollowupRepository repository, StrategyCatalog strategies, StrategyLevels levels,
			OrganisationUnits units) {
		this.repository = repository;
		this.strategies = strategies;
		this.levels = levels;
		this.units = units;
	}

	public void copy(Cycle source, Cycle target) {
		long shiftDays = source.dueOn() == null || target.dueOn() == null ? 0
				: ChronoUnit.DAYS.between(source.dueOn(), target.dueOn());
		Map<Long, Long> sectionIds = new HashMap<>();
		for (Section s : this.repository.sections(source.id())) {
			sectionIds
				.put(s.id(),
						this.repository.insertSection(
								target.id(), s.position(), new Section.Draft(s.chapter(), s.title(), s.guidance(),
										s.kind(), s.perspective(), s.elementKey(), s.indicatorCodes(), s.topic()),
								s.id()));
		}
		for (Contribution c : this.repository.contributions(source.id())) {
			this.repository.jdbc()
				.sql("""
						insert into followup_contribution (organisation_id, cycle_id, section_id, unit_id, responsible_user_id,
						due_on, previous_id, updated_by) values (:org, :cycle, :section, :unit, :responsible, :due, :previous, :actor)""")
				.param("org", target.organisationId())
				.param("cycle", target.id())
				.param("section", sectionIds.get(c.sectionId()))
				.param("unit", c.unitId())
				.param("responsible", c.responsibleUserId())
				.param("due", c.dueOn() == null ? target.dueOn() : c.dueOn().plusDays(shiftDays))
				.param("previous", c.id())
				.param("actor", target.updatedBy())
				.update();
		}
		String fromYear = yearOf(source.periodCode());
		String toYear = yearOf(target.periodCode());
		for (Product p : this.repository.products(source.id())) {
			long productId = addProduct(target.id(), p.name().replace(fromYear, toYear), p.kind());
			for (long sectionId : p.sectionIds()) {
				linkProductSection(productId, sectionIds.get(sectionId));
			}
			// The product's own order of sections comes along.
			this.repository.jdbc()
				.sql("""
						update followup_product_section t set position = s.position from followup_product_section s
						join followup_section old on old.id = s.section_id
						join followup_section new on new.copied_from_id = old.id and new.cycle_id = :cycle
						where s.product_id = :source and t.product_id = :product and t.section_id = new.id""")
				.param("cycle", target.id())
				.param("source", p.id())
				.param("product", productId)
				.update();
		}
	}

	private long addProduct(long cycleId, String name, ProductKind kind) {
		return this.repository.jdbc()
			.sql("insert into followup_product (cycle_id, name, kind) values (:cycle, :name, :kind) returning id")
			.param("cycle", cycleId)
			.param("name", name)
			.param("kind", kind.name())
			.query(Long.class)
			.single();
	}

	private void linkProductSection(long productId, long sectionId) {
		this.repository.jdbc()
			.sql("insert into followup_product_section (product_id, section_id) values (:product, :section) on conflict do nothing")
			.param("product", productId)
			.param("section", sectionId)
			.update();
	}

	/**
	 * The sections of the annual follow-up report (seed 001), per priority and overall.
	 */
	public void strategy(long organisationId, Cycle cycle) {
		List<StrategyElement> elements = this.strategies.elements(organisationId, cycle.strategyVersionId());
		long strategyId = this.strategies.version(organisationId, cycle.strategyVersionId()).strategyId();
		List<StrategyElement> directions = elements.stream()
			.filter(e -> e.type() == ElementType.DIRECTION)
			.sorted(Comparator.comparing(StrategyElement::path))
			.toList();
		// Sections per element of the level the strategy is followed up by, named by the
		// strategy's own words: "Prioritering 3: …" in RUS, "Målområde 1: …" elsewhere.
		ElementType working = StrategyLevels.workingLevel(elements);
		List<StrategyElement> priorities = elements.stream()
			.filter(e -> e.type() == working)
			.sorted(Comparator.comparing(StrategyElement::path))
			.toList();
		String levelName = working == null ? "" : this.levels.title(strategyId, working, false);
		boolean subPriorities = elements.stream().anyMatch(e -> e.type() == ElementType.SUB_PRIORITY);
		int position = 0;
		String overall = "Övergripande";
		for (String[] s : new String[][] {
				{ "Översikt över rapporten", "Hur rapporten har tagits fram, för vem och hur den ska läsas." },
				{ "Övergripande hållbarhetsmål och vägen dit",
						"Uppdraget från regeringen, de övergripande målen och vägen dit." } }) {
			this.repository.insertSection(cycle.id(), position += 10, new Section.Draft(overall, s[0], s[1],
					SectionKind.TEXT, null, null, List.of(), SectionTopic.GENERAL), null);
		}
		for (StrategyElement priority : priorities) {
			String chapter = (priority.code() == null ? "" : levelName + " " + priority.code() + ": ")
					+ priority.nameSv();
			List<String[]> skeleton = new ArrayList<>();
			this.repository.insertSection(cycle.id(), position += 10,
					new Section.Draft(chapter, "Omvärldsbevakning",
							"Trender, händelser och regelverk som påverkar arbetet inom " + chapter + ".",
							SectionKind.TEXT, null, priority.key(), List.of(), SectionTopic.OUTSIDE_WORLD),
					null);
			skeleton.add(new String[] { "Regionens bidrag",
					"Regionens eget bidrag under året" + (subPriorities
							? "; ange vilka " + this.levels.labels(strategyId, Locale.forLanguageTag("sv"), true)
								.get(ElementType.SUB_PRIORITY) + " det gäller."
							: ".") });
			skeleton.add(new String[] { "Samverkan",
					"Nätverk och partnerskap där regionen deltar i någon roll (sammankallande, samordnare, medlem, projektägare)." });
			skeleton.add(new String[] { "Framgångsfaktorer och utmaningar",
					"Vad har fått arbetet att lyckas, och vad står i vägen?" });
			skeleton.add(new String[] { "Ett urval av insatser i länet",
					"Exempel på insatser som involverar aktörer i länet; länka insatserna." });
			for (StrategyElement direction : directions) {
				skeleton.add(new String[] { direction.nameSv(),
						"Hur insatserna inom " + chapter + " genomsyras av " + direction.nameSv() + "." });
			}
			skeleton.add(new String[] { "Agenda 2030", "Vilka mål i Agenda 2030 insatserna bidrar till." });
			for (String[] s : skeleton) {
				this.repository.insertSection(cycle.id(), position += 10, new Section.Draft(chapter, s[0], s[1],
						SectionKind.TEXT, null, priority.key(), List.of(), SectionTopic.GENERAL), null);
			}
		}
	}

	/**
	 * A tertial report's scorecard: one goal per perspective and the analysis sections.
	 */
	public void scorecard(long organisationId, Cycle cycle, List<Long> unitIds) {
		int position = 0;
		Map<Perspective, String> goals = new EnumMap<>(Perspective.class);
		goals.put(Perspective.MEDBORGARE, "Samlad måluppfyllelse i perspektivet medborgare");
		goals.put(Perspective.MEDARBETARE, "Samlad måluppfyllelse i perspektivet medarbetare");
		goals.put(Perspective.VERKSAMHET, "Samlad måluppfyllelse i perspektivet verksamhet");
		goals.put(Perspective.EKONOMI, "Samlad måluppfyllelse i perspektivet ekonomi");
		goals.put(Perspective.SAMHALLE, "Samlad måluppfyllelse i perspektivet samhälle");
		List<Long> sectionIds = new ArrayList<>();
		for (var goal : goals.entrySet()) {
			sectionIds.add(this.repository.insertSection(cycle.id(), position += 10,
					new Section.Draft("Styrkort", goal.getValue(),
							"Bedöm måluppfyllelsen (uppnås, delvis, uppnås inte) och motivera bedömningen.",
							SectionKind.GOAL, goal.getKey(), null, List.of(), SectionTopic.GENERAL),
					null));
		}
		for (String[] s : new String[][] {
				{ "Analys av ekonomisk situation och verksamhet", "Periodens resultat mot budget och orsakerna." },
				{ "Prognos för ekonomin", "Helårsprognosen och vad den bygger på." },
				{ "Personal och bemanning", "Antal anställda, sjukfrånvaro och arbetad tid." } }) {
			sectionIds.add(this.repository.insertSection(cycle.id(), position += 10, new Section.Draft("Analys", s[0],
					s[1], SectionKind.TEXT, null, null, List.of(), SectionTopic.GENERAL), null));
		}
		for (long unitId : unitIds) {
			this.units.get(organisationId, unitId);
			for (long sectionId : sectionIds) {
				this.repository.jdbc()
					.sql("""
							insert into followup_contribution (organisation_id, cycle_id, section_id, unit_id, due_on, updated_by)
							values (:org, :cycle, :section, :unit, :due, :actor)""")
					.param("org", organisationId)
					.param("cycle", cycle.id())
					.param("section", sectionId)
					.param("unit", unitId)
					.param("due", cycle.dueOn())
					.param("actor", cycle.updatedBy())
					.update();
			}
		}
	}

	public static String yearOf(String periodCode) {
		return String.valueOf(Period.parse(periodCode).year());
	}

}
