package se.stratlas.demo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorTargets;
import se.stratlas.indicators.IndicatorValues;
import se.stratlas.indicators.IndicatorValue;
import se.stratlas.indicators.Period;
import se.stratlas.indicators.Target;
import se.stratlas.indicators.AreaGroups;

/**
 * About thirty indicators a region follows for its RUS priorities, with values for
 * Västerbotten's 15 municipalities, the county and Sweden 2010–2024. The seeds hold few
 * statistics, so every value here is invented (deterministically) and every indicator
 * says so: "fiktiva demovärden".
 */
@Component
class DemoIndicators {

	static final String NOTE = "Fiktiva demovärden: påhittade för demon, inte statistik.";

	/** The indicators that count things: a county's value is its municipalities' sum. */
	private static final Set<String> COUNTS = Set.of("N01951", "DEMO_NYBOST", "DEMO_VALIDERING");

	private final IndicatorRegistry registry;

	private final IndicatorValues values;

	private final IndicatorLinks links;

	private final IndicatorTargets targets;

	private final Areas areas;

	private final AreaGroups groups;

	DemoIndicators(IndicatorRegistry registry, IndicatorValues values, IndicatorLinks links, IndicatorTargets targets,
			Areas areas, AreaGroups groups) {
		this.registry = registry;
		this.values = values;
		this.links = links;
		this.targets = targets;
		this.areas = areas;
		this.groups = groups;
	}

	private record Spec(String code, String name, String unit, int decimals, Polarity polarity, Kind kind,
			boolean bySex, String priority, double base, double trend, double spread) {
	}

	void load(long organisationId, Map<String, UUID> rusKeys) {
		List<Spec> specs = List.of(
				new Spec("N01951", "Invånare totalt, antal", "antal", 0, Polarity.NEUTRAL, Kind.KONTEXT, false, null,
						8000, 40, 0.9),
				new Spec("DEMO_INNOFTG", "Andel företag med innovationsverksamhet", "%", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, false, "1.3", 38, 0.6, 0.2),
				new Spec("DEMO_FOU", "FoU-utgifter, andel av BRP", "%", 1, Polarity.HIGHER_IS_BETTER, Kind.RESULTAT,
						false, "1.1", 2.1, 0.03, 0.3),
				new Spec("DEMO_ETJANST", "Invånare som använder kommunens e-tjänster", "%", 1,
						Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, true, "1.2", 45, 2.2, 0.15),
				new Spec("DEMO_NYFTG", "Nyregistrerade företag per 1 000 invånare", "per 1 000", 1,
						Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, false, "2.2", 7.5, 0.08, 0.25),
				new Spec("DEMO_SYSS", "Förvärvsarbetande invånare 20–64 år, andel", "%", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, true, "2", 77, 0.25, 0.05),
				new Spec("DEMO_EXPORT", "Exportvärde per invånare", "tkr", 0, Polarity.HIGHER_IS_BETTER, Kind.RESULTAT,
						false, "2.1", 95, 2.5, 0.4),
				new Spec("DEMO_GASTNATT", "Gästnätter per invånare", "antal", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, false, "2", 4.2, 0.07, 0.6),
				new Spec("DEMO_BREDBAND", "Hushåll med tillgång till minst 1 Gbit/s", "%", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, false, "3.4", 55, 3.0, 0.25),
				new Spec("DEMO_BREDBANDFTG", "Arbetsställen med tillgång till minst 1 Gbit/s", "%", 1,
						Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, false, "3.4", 50, 3.1, 0.25),
				new Spec("DEMO_KOLLTRAFIK", "Resor med kollektivtrafik per invånare", "antal", 0,
						Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, false, "3.3", 60, 1.2, 0.5),
				new Spec("DEMO_RESTID", "Invånare med högst 30 minuters resväg till centralort", "%", 1,
						Polarity.HIGHER_IS_BETTER, Kind.KONTEXT, false, "3", 82, 0.2, 0.15),
				new Spec("DEMO_GHG", "Utsläpp av växthusgaser, ton CO2e per invånare", "ton", 1,
						Polarity.LOWER_IS_BETTER, Kind.RESULTAT, false, "4.4", 8.2, -0.22, 0.3),
				new Spec("DEMO_FORNYBAR", "Förnybar andel av elproduktionen", "%", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, false, "4.4", 88, 0.5, 0.08),
				new Spec("DEMO_NYBOST", "Färdigställda bostäder, antal", "antal", 0, Polarity.HIGHER_IS_BETTER,
						Kind.PRESTATION, false, "4.2", 40, 1.5, 0.9),
				new Spec("DEMO_KULTUR", "Kulturbesök per invånare", "antal", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, false, "4.3", 3.1, 0.03, 0.3),
				new Spec("DEMO_MEDELLIV", "Återstående medellivslängd vid födseln", "år", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, true, "5", 81.5, 0.12, 0.01),
				new Spec("DEMO_HALSA", "Invånare med bra självskattad hälsa", "%", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, true, "5", 71, 0.1, 0.05),
				new Spec("DEMO_OHALSA", "Ohälsotal", "dagar", 1, Polarity.LOWER_IS_BETTER, Kind.RESULTAT, true, "5", 32,
						-0.6, 0.15),
				new Spec("DEMO_RISKBRUK", "Unga med riskabla alkoholvanor", "%", 1, Polarity.LOWER_IS_BETTER,
						Kind.RESULTAT, true, "5.2", 17, -0.3, 0.2),
				new Spec("DEMO_UVAS", "Unga 20–25 år som varken arbetar eller studerar", "%", 1,
						Polarity.LOWER_IS_BETTER, Kind.RESULTAT, true, "5.4", 8, -0.08, 0.3),
				new Spec("DEMO_EFTERGYMN", "Invånare 25–64 år med eftergymnasial utbildning", "%", 1,
						Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, true, "6", 38, 0.45, 0.25),
				new Spec("DEMO_GYMNEXAMEN", "Gymnasieelever med examen inom 4 år", "%", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, true, "6", 74, 0.2, 0.08),
				new Spec("DEMO_BEHORIGA", "Elever i åk 9 behöriga till yrkesprogram", "%", 1, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, true, "6", 84, 0.05, 0.06),
				new Spec("DEMO_VALIDERING", "Genomförda valideringar", "antal", 0, Polarity.HIGHER_IS_BETTER,
						Kind.PRESTATION, false, "6", 25, 1.8, 0.8),
				new Spec("DEMO_INVANDR", "Utrikes födda förvärvsarbetande 20–64 år, andel", "%", 1,
						Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, true, "4.1", 58, 0.7, 0.12));
		List<Area> municipalities = this.areas.municipalitiesOf("24");
		List<String> codes = new ArrayList<>(municipalities.stream().map(Area::code).toList());
		codes.add("24");
		codes.add(Areas.SWEDEN);
		Map<String, IndicatorDefinition> defined = new HashMap<>();
		List<IndicatorValue.Incoming> values = new ArrayList<>();
		for (Spec spec : specs) {
			IndicatorDefinition indicator = this.registry.define(organisationId,
					new IndicatorDefinition.Draft(spec.code(), spec.name(), null, NOTE, spec.unit(), spec.decimals(),
							spec.polarity(), spec.kind(), spec.code().startsWith("N") ? Source.KOLADA : Source.OWN,
							spec.code().startsWith("N") ? spec.code() : null, spec.bySex(), null, null, null),
					DemoRegion.ACTOR);
			this.registry.labelDemo(organisationId, indicator.id(), NOTE);
			defined.put(spec.code(), indicator);
			if (spec.priority() != null && rusKeys.containsKey(spec.priority())) {
				this.links.link(organisationId, indicator.id(), List.of(rusKeys.get(spec.priority())));
			}
			// A count (inhabitants, dwellings, validations) adds up: the county is the
			// sum of
			// its municipalities and Sweden about 38 times the county. Rates and shares
			// are
			// levels around the county's.
			boolean count = COUNTS.contains(spec.code());
			double[] countySum = new double[2025];
			for (int a = 0; a < codes.size(); a++) {
				String area = codes.get(a);
				boolean municipality = a < municipalities.size();
				double level = area.equals(Areas.SWEDEN) ? 1.06 : area.equals("24") ? 1.0
						: 1 + spec.spread() * (Math.floorMod(a * 37 + spec.code().hashCode(), 21) - 10) / 20.0;
				for (int year = 2010; year <= 2024; year++) {
					double noise = (((year * 31 + a * 17 + spec.code().length() * 7) % 11) - 5) / 100.0;
					double total = (spec.base() + spec.trend() * (year - 2010)) * level * (1 + noise * spec.spread());
					if (count && municipality) {
						countySum[year] += round(total, spec.decimals());
					}
					else if (count) {
						total = area.equals("24") ? countySum[year] : countySum[year] * 38;
					}
					if (spec.unit().equals("%")) {
						total = Math.max(0, Math.min(100, total));
					}
					total = Math.max(0, total);
					Period period = Period.year(year);
					// Now and then a municipality's value is missing; the newest year is
					// preliminary, as in Kolada; a small municipality's values for women
					// and men
					// are confidential some years (small numbers).
					Missing missing = municipality && (a * 7 + year) % 97 == 0 ? Missing.SAKNAS : null;
					Missing bySexMissing = missing != null ? missing
							: municipality && Math.floorMod(a * 5 + year + spec.code().length(), 23) == 0
									? Missing.SEKRETESS : null;
					ValueStatus status = year == 2024 ? ValueStatus.PRELIMINAR : ValueStatus.DEFINITIV;
					values.add(value(indicator, area, period, Sex.T, round(total, spec.decimals()), missing, status));
					if (spec.bySex()) {
						double gap = spec.base() * 0.04;
						values.add(value(indicator, area, period, Sex.K, round(total + gap / 2, spec.decimals()),
								bySexMissing, status));
						values.add(value(indicator, area, period, Sex.M, round(total - gap / 2, spec.decimals()),
								bySexMissing, status));
					}
				}
			}
		}
		this.values.store(values, "Demo (fiktiva värden)", null);
		IndicatorDefinition computed = this.registry.define(organisationId,
				new IndicatorDefinition.Draft("DEMO_BOSTPER1000", "Färdigställda bostäder per 1 000 invånare", null,
						NOTE + " Beräknad: DEMO_NYBOST / N01951 × 1 000.", "per 1 000", 2, Polarity.HIGHER_IS_BETTER,
						Kind.RESULTAT, Source.COMPUTED, null, false, "DEMO_NYBOST", "N01951", 1000.0),
				DemoRegion.ACTOR);
		this.registry.labelDemo(organisationId, computed.id(), NOTE);
		if (rusKeys.containsKey("4.2")) {
			this.links.link(organisationId, computed.id(), List.of(rusKeys.get("4.2")));
		}
		List<String> inland = this.areas.municipalitiesOf("24")
			.stream()
			.filter(a -> List.of("Dorotea", "Lycksele", "Malå", "Norsjö", "Sorsele", "Storuman", "Vilhelmina", "Åsele")
				.contains(a.name()))
			.map(Area::code)
			.toList();
		this.groups.create(organisationId, "Inlandskommunerna i Västerbotten", inland, DemoRegion.ACTOR);
		this.targets.addTarget(organisationId, defined.get("DEMO_GHG").id(), "24", Sex.T, Target.Comparator.AT_MOST,
				-70.0, true, "2030", "2010", "Fiktivt demomål: −70 % till 2030 jämfört med 2010.", DemoRegion.ACTOR);
		this.targets.addTarget(organisationId, defined.get("DEMO_BREDBAND").id(), "24", Sex.T,
				Target.Comparator.AT_LEAST, 98.0, false, "2025", "2015", "Fiktivt demomål: 98 % till 2025.",
				DemoRegion.ACTOR);
		this.targets.addTarget(organisationId, defined.get("DEMO_BREDBANDFTG").id(), "24", Sex.T,
				Target.Comparator.AT_LEAST, 98.0, false, "2025", "2015", "Fiktivt demomål.", DemoRegion.ACTOR);
		this.targets.addTarget(organisationId, defined.get("DEMO_SYSS").id(), "24", Sex.T, Target.Comparator.AT_LEAST,
				80.0, false, "2030", "2018", "Fiktivt demomål.", DemoRegion.ACTOR);
		this.targets.addTarget(organisationId, defined.get("DEMO_KOLLTRAFIK").id(), "24", Sex.T,
				Target.Comparator.AT_LEAST, 90.0, false, "2030", "2015", "Fiktivt demomål.", DemoRegion.ACTOR);
		this.targets.addTarget(organisationId, defined.get("DEMO_UVAS").id(), "24", Sex.T, Target.Comparator.AT_MOST,
				5.0, false, "2030", "2015", "Fiktivt demomål.", DemoRegion.ACTOR);
	}

	private static IndicatorValue.Incoming value(IndicatorDefinition indicator, String area, Period period, Sex sex,
			double value, Missing missing, ValueStatus status) {
		return new IndicatorValue.Incoming(indicator.id(), area, period, sex, missing == null ? value : null, missing,
				status);
	}

	private static double round(double value, int decimals) {
		double factor = Math.pow(10, decimals);
		return Math.round(value * factor) / factor;
	}

}
