package se.stratlas.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.ContributionReviews;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Products;
import se.stratlas.followup.ReportBlock;
import se.stratlas.followup.ReportLayouts;
import se.stratlas.followup.Section;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.followup.UnitFigures;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * The demo's follow-up: Region Västerbotten's annual follow-up 2023 with the texts of
 * Resultat Västerbotten 2023 (seed 001) for priorities 2 and 5, section by section,
 * approved and used in three report products; Region Norrbotten's interim report per
 * April 2021 (seed 003) with its six divisions' assessments per perspective, analyses and
 * figures. Dates of milestones are illustrative; figures the seed does not state are left
 * empty, and figures derived from a stated deviation say so.
 */
@Component
class DemoFollowup {

	static final String NOTE = "Demo: texten är hämtad ur Resultat Västerbotten 2023; kopplingarna till indikatorer och insatser är lagda av demon.";

	static final String NOTE_NORRBOTTEN = "Demo: texten är hämtad ur divisionernas delårsrapporter april 2021 (Region Norrbotten).";

	private final Cycles cycles;

	private final CycleSections cycleSections;

	private final Contributions contributions;

	private final ContributionReviews reviews;

	private final Products products;

	private final UnitFigureBook figures;

	private final ReportLayouts layouts;

	private final OrganisationUnits units;

	private final StrategyCatalog strategies;

	private final InitiativeCatalog initiatives;

	DemoFollowup(Cycles cycles, CycleSections cycleSections, Contributions contributions, ContributionReviews reviews,
			Products products, UnitFigureBook figures, OrganisationUnits units, StrategyCatalog strategies,
			InitiativeCatalog initiatives, ReportLayouts layouts) {
		this.layouts = layouts;
		this.cycles = cycles;
		this.cycleSections = cycleSections;
		this.contributions = contributions;
		this.reviews = reviews;
		this.products = products;
		this.figures = figures;
		this.units = units;
		this.strategies = strategies;
		this.initiatives = initiatives;
	}

	/** Someone the demo acts as. */
	record Actor(long organisationId, String username, Role role) implements StratlasPrincipal {

		@Override
		public long userId() {
			return 0;
		}

		@Override
		public String displayName() {
			return this.username;
		}

		@Override
		public Set<Role> roles() {
			return EnumSet.of(this.role);
		}

	}

	/** The follow-up of Region Västerbotten's RUS for 2023. */
	void loadVasterbotten(long organisationId, long rusId) {
		Actor writer = new Actor(organisationId, DemoRegion.ACTOR, Role.STRATEGIST);
		Actor reviewer = new Actor(organisationId, "greta.granskare", Role.REVIEWER);
		long versionId = this.strategies.latestVersion(organisationId, rusId).id();
		Cycle cycle = this.cycles.create(writer,
				new Cycle.Draft("Resultat Västerbotten 2023", CycleKind.ANNUAL, "2023", versionId,
						LocalDate.of(2024, 1, 8), LocalDate.of(2024, 2, 9), LocalDate.of(2024, 3, 1),
						LocalDate.of(2024, 4, 15)),
				Cycles.Template.STRATEGY, null, null);
		Map<String, StrategyElement> priorities = new LinkedHashMap<>();
		this.strategies.elements(organisationId, versionId)
			.stream()
			.filter(e -> e.type() == ElementType.PRIORITY)
			.forEach(e -> priorities.put(e.code(), e));
		List<Section> sections = this.cycles.sections(organisationId, cycle.id());
		Map<String, String[]> texts = new LinkedHashMap<>();
		texts.put("2",
				new String[] { "Företag- och projektfinansiering", "p2", "DEMO_NYFTG DEMO_EXPORT DEMO_GASTNATT" });
		texts.put("5", new String[] { "Folkhälsoenheten", "p5", "DEMO_MEDELLIV DEMO_HALSA DEMO_OHALSA" });
		for (var entry : texts.entrySet()) {
			StrategyElement priority = priorities.get(entry.getKey());
			OrganisationUnit unit = this.units.ensure(organisationId, null, OrganisationUnit.Kind.ENHET,
					entry.getValue()[0], DemoRegion.ACTOR);
			List<Section> chapter = sections.stream().filter(s -> priority.key().equals(s.elementKey())).toList();
			this.cycleSections.assign(writer, cycle.id(), chapter.stream().map(Section::id).toList(), unit.id(), null,
					null);
		}
		this.cycles.transition(writer, cycle.id(), cycle.version(), CycleState.OPEN);
		Map<Long, Contribution> bySection = new LinkedHashMap<>();
		this.cycles.contributions(organisationId, cycle.id()).forEach(c -> bySection.put(c.sectionId(), c));
		for (var entry : texts.entrySet()) {
			StrategyElement priority = priorities.get(entry.getKey());
			String links = links(organisationId, priority.key(), entry.getValue()[2]);
			for (Section section : sections) {
				if (!priority.key().equals(section.elementKey())) {
					continue;
				}
				String text = text(entry.getValue()[1], section.title());
				if (text == null) {
					continue;
				}
				boolean linked = section.title().equals("Regionens bidrag")
						|| section.title().equals("Ett urval av insatser i länet");
				write(writer, reviewer, bySection.get(section.id()), linked ? text + "\n\n" + links : text);
			}
		}
		List<Long> all = sections.stream().map(Section::id).toList();
		List<Long> committee = sections.stream()
			.filter(s -> s.title().equals("Regionens bidrag") || s.title().equals("Samverkan")
					|| s.title().equals("Sammanhållen region") || s.title().equals("Jämlik och jämställd inkludering")
					|| s.title().equals("Föregångare i omställning"))
			.map(Section::id)
			.toList();
		List<Long> government = sections.stream()
			.filter(s -> s.title().equals("Regionens bidrag") || s.title().equals("Samverkan")
					|| s.title().equals("Agenda 2030"))
			.map(Section::id)
			.toList();
		this.products.create(writer, cycle.id(), "Resultat Västerbotten 2023", ProductKind.FOLLOW_UP, all);
		this.products.create(writer, cycle.id(), "Regionala utvecklingsnämndens årsredovisning 2023",
				ProductKind.ANNUAL_REPORT, committee);
		// The committee's report has finance and staffing per unit; seed 001 gives none,
		// so the demo's are invented and say so.
		List<UnitFigures.Draft> annualRows = new ArrayList<>();
		for (var unit : this.units.list(organisationId)) {
			if (unit.name().equals("Företag- och projektfinansiering")) {
				annualRows.add(new UnitFigures.Draft(unit.id(), mnkr("38.5"), mnkr("37.2"), null, null, null, 24, 1, 21,
						mnkr("3.1"), null, null));
			}
			else if (unit.name().equals("Folkhälsoenheten")) {
				annualRows.add(new UnitFigures.Draft(unit.id(), mnkr("21.0"), mnkr("21.6"), null, null, null, 15, 0, 14,
						mnkr("4.2"), null, null));
			}
		}
		this.figures.saveGrid(writer, "2023", annualRows);
		annualRows.forEach(r -> this.figures.note(writer, r.unitId(), "2023",
				"Fiktiva siffror för demon: Resultat Västerbotten 2023 redovisar inte ekonomi och personal per enhet."));
		var report = this.products.create(writer, cycle.id(), "Återrapportering till regeringen 2023",
				ProductKind.GOVERNMENT_REPORT, government);
		// The government's questions as the demo's report answers them: each by the
		// sections that say it, with the figures asked for.
		List<ReportBlock> questions = new ArrayList<>();
		questions.add(ReportBlock.of(ReportBlock.Kind.ABOUT));
		questions.add(new ReportBlock(ReportBlock.Kind.QUESTION, "Genomförandet av den regionala utvecklingsstrategin",
				"Hur har regionen arbetat med att genomföra den regionala utvecklingsstrategin under året, och vilka "
						+ "resultat har arbetet gett?",
				titled(sections, "Regionens bidrag"), List.of("DEMO_NYFTG", "DEMO_MEDELLIV")));
		questions.add(new ReportBlock(ReportBlock.Kind.QUESTION, "Samverkan",
				"Hur har regionen samverkat med kommuner, länsstyrelsen, statliga myndigheter och andra aktörer i det "
						+ "regionala utvecklingsarbetet?",
				titled(sections, "Samverkan"), List.of()));
		questions.add(new ReportBlock(ReportBlock.Kind.QUESTION, "Agenda 2030",
				"Hur har det regionala utvecklingsarbetet bidragit till genomförandet av Agenda 2030?",
				titled(sections, "Agenda 2030"), List.of()));
		questions.add(new ReportBlock(ReportBlock.Kind.AGENDA_2030, "Insatsernas bidrag till de globala målen", null,
				List.of(), List.of()));
		report = this.layouts.save(writer, cycle.id(), report.id(), report.version(), questions).product();
		this.products.freeze(writer, cycle.id(), report.id(), report.version());
		Cycle open = this.cycles.get(organisationId, cycle.id());
		this.cycles.transition(writer, cycle.id(), open.version(), CycleState.REVIEW);
		this.cycles.labelDemo(organisationId, cycle.id(),
				"Demo: avsnitten för prioritering 2 och 5 är ifyllda med texterna ur Resultat Västerbotten 2023; milstolparnas datum är påhittade.",
				NOTE);
	}

	/** The sections with the title that the demo's units have written. */
	private List<Long> titled(List<Section> sections, String title) {
		return sections.stream().filter(s -> s.title().equals(title)).map(Section::id).toList();
	}

	private void write(Actor writer, Actor reviewer, Contribution contribution, String text) {
		Contribution saved = this.contributions.save(writer, contribution.id(), contribution.version(),
				contribution.revision(), text, null, false);
		saved = this.reviews.markReady(writer, saved.id(), saved.version());
		this.reviews.approve(reviewer, saved.id(), saved.version(), "");
	}

	private void write(Actor writer, Actor reviewer, Contribution contribution, String text, Fulfilment fulfilment) {
		Contribution saved = this.contributions.save(writer, contribution.id(), contribution.version(),
				contribution.revision(), text, fulfilment, false);
		saved = this.reviews.markReady(writer, saved.id(), saved.version());
		this.reviews.approve(reviewer, saved.id(), saved.version(), "");
	}

	private String links(long organisationId, UUID priority, String indicatorCodes) {
		StringBuilder links = new StringBuilder("**Följs upp med:**\n\n");
		for (String code : indicatorCodes.split(" ")) {
			links.append("- [[indikator:").append(code).append("]]\n");
		}
		List<Initiative> found = this.initiatives
			.find(organisationId, new InitiativeFilter(null, null, null, priority, null, null, null))
			.stream()
			.limit(3)
			.toList();
		if (!found.isEmpty()) {
			links.append("\n\n**Insatser:** ");
			List<String> refs = new ArrayList<>();
			found.forEach(i -> refs.add("[[insats:" + i.id() + "]]"));
			links.append(String.join(" · ", refs));
		}
		return links.toString().strip();
	}

	/** The seed text of a section, or null where the seed has none. */
	private static String text(String prefix, String title) {
		String file = switch (title) {
			case "Omvärldsbevakning" -> "omvarldsbevakning";
			case "Regionens bidrag" -> "bidrag";
			case "Samverkan" -> "samverkan";
			case "Ett urval av insatser i länet" -> "urval";
			case "Sammanhållen region" -> "sammanhallen";
			case "Jämlik och jämställd inkludering" -> "jamlik";
			case "Föregångare i omställning" -> "foregangare";
			case "Agenda 2030" -> "agenda2030";
			default -> null;
		};
		if (file == null) {
			return null;
		}
		try (InputStream in = DemoFollowup.class.getResourceAsStream("/demo/followup/" + prefix + "-" + file + ".md")) {
			return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Seed 003's introduction, in the regiondirektör's words. */
	private static final String NORRBOTTEN_INTRODUCTION = """
			Smittspridningen av covid-19 är fortsatt mycket hög i Norrbotten trots en tydligt vikande trend i resten \
			av landet. Detta är bekymmersamt för vården, inte minst med tanke på att sommaren är i antågande med allt \
			vad det innebär i form av personaltillgång och högtider med riskfyllda sammankomster. Regionen gör just nu \
			allt som går för att inskärpa medvetenheten hos befolkningen om de förhållningsregler som gäller för att \
			stoppa smittspridningen.

			Glädjande är att vaccinationerna mot covid-19 fungerar väl med hög kapacitet utifrån vaccintillgång. \
			Ungefär 92 000 norrbottningar är idag vaccinerade med minst en dos och ca 28 000 är fullvaccinerade.

			*Anna-Stina Nordmark Nilsson, regiondirektör*
			""";

	/**
	 * Seed 003's summary of the divisions' reports, with how its totals relate to the
	 * divisions' own figures in the table.
	 */
	private static final String NORRBOTTEN_SUMMARY = """
			Divisionernas rapportering till regiondirektören och regionstyrelsen består av uppföljning av ekonomisk \
			handlingsplan, månadsrapporter samt delårsrapporter per april och augusti. I delårsrapporterna följer \
			divisionerna upp sin verksamhet mot divisionsplanen och dess styrkort.

			**Divisionerna visar ett positivt periodresultat med +1 mnkr**, vilket är 63 mnkr bättre än föregående år. \
			Division Närsjukvård övriga länet, division Länssjukvård, division Service och division Länsteknik har \
			resultat som är bättre än budget.

			**Divisionernas årsprognoser pekar på ett underskott på −121 mnkr**, vilket i allt väsentligt är \
			hänförligt till VO Akut omhändertagande −111 mnkr samt hälsocentralerna −30 mnkr.

			Tabellen Ekonomi per enhet visar divisionernas egna uppgifter: de summerar till ett periodresultat på \
			+0,7 mnkr (avrundat +1 mnkr) och en årsprognos på −111,5 mnkr. Skillnaden mot sammanställningens \
			−121 mnkr, −9,5 mnkr, fördelas inte på division i underlaget.
			""";

	/** Seed 003's section that the three near-care divisions write together. */
	private static final String NORRBOTTEN_NEAR_CARE = """
			Den planerade återgången till normal verksamhet har på nytt fått sättas i viloläge, och fokus har varit \
			att hantera ökad provtagning, smittspårning och vaccinationerna samt att klara det ökade vårdbehovet i \
			länet för covidsjuka patienter. Medarbetare har omfördelats mellan de tre hälso- och \
			sjukvårdsdivisionerna utifrån beslut i RKL/LKL samt det vård- och personalbehov som funnits.

			Då planerad verksamhet fått stå tillbaka har det resulterat i minskad produktion i både öppen- och \
			slutenvård. Målet för vårdgarantin uppnås således inte. Tillgängligheten inom den specialiserade vården \
			har förbättrats något under årets första tertial och tillgängligheten till medicinsk bedömning ligger i \
			nivå med föregående år.

			Divisionerna har en stor utmaning i att hantera den uppskjutna vården. Återupptagandet av delar av den \
			uppskjutna vården kommer att ske så snart deeskaleringsplanen är möjlig att genomföra. För att klara \
			vårdgarantins krav om planerade besök krävs ökad produktion.
			""";

	/** One division of Region Norrbotten as seed 003 reports it per April 2021. */
	private record Division(String name, Map<Perspective, Fulfilment> assessment, String assessmentText,
			String analysis, String forecast, String staffing, UnitFigures.Draft figures, String figureNote) {
	}

	/** Region Norrbotten's interim report per April 2021 (tertial 1). */
	void loadNorrbotten(long organisationId) {
		Actor writer = new Actor(organisationId, DemoRegion.ACTOR, Role.STRATEGIST);
		Actor reviewer = new Actor(organisationId, "nils.strateg", Role.STRATEGIST);
		OrganisationUnit divisions = this.units.ensure(organisationId, null, OrganisationUnit.Kind.FORVALTNING,
				"Regionförvaltningen", DemoRegion.ACTOR);
		Map<Long, Division> byUnit = new LinkedHashMap<>();
		for (Division division : divisions()) {
			OrganisationUnit unit = this.units.ensure(organisationId, divisions.id(), OrganisationUnit.Kind.DIVISION,
					division.name(), DemoRegion.ACTOR);
			byUnit.put(unit.id(), division);
		}
		Cycle cycle = this.cycles.create(writer,
				new Cycle.Draft("Delårsrapport tertial 1 2021", CycleKind.TERTIAL, "2021T1", null,
						LocalDate.of(2021, 5, 3), LocalDate.of(2021, 5, 17), LocalDate.of(2021, 5, 31),
						LocalDate.of(2021, 6, 15)),
				Cycles.Template.SCORECARD, null, new ArrayList<>(byUnit.keySet()));
		// The parts of seed 003 that are the region's, not a division's: the
		// regiondirektör's
		// introduction, the summary of the divisions' reports and the section the
		// near-care
		// divisions write together. They come first, as in the seed.
		OrganisationUnit director = this.units.ensure(organisationId, null, OrganisationUnit.Kind.ENHET,
				"Regiondirektörens stab", DemoRegion.ACTOR);
		Map<String, String> shared = new LinkedHashMap<>();
		shared.put("Inledning", NORRBOTTEN_INTRODUCTION);
		shared.put("Sammanfattning", NORRBOTTEN_SUMMARY);
		shared.put("Gemensamt närsjukvårdsdivisionerna", NORRBOTTEN_NEAR_CARE);
		int existing = this.cycles.sections(organisationId, cycle.id()).size();
		List<Long> sharedIds = new ArrayList<>();
		for (String title : shared.keySet()) {
			Section added = this.cycleSections.addSection(writer, cycle.id(),
					new Section.Draft(title, title, null, SectionKind.TEXT, null, null, List.of(), null));
			for (int up = 0; up < existing; up++) {
				this.cycleSections.moveSection(writer, cycle.id(), added.id(), true);
			}
			sharedIds.add(added.id());
		}
		this.cycleSections.assign(writer, cycle.id(), sharedIds, director.id(), null, null);
		this.cycles.transition(writer, cycle.id(), this.cycles.get(organisationId, cycle.id()).version(),
				CycleState.OPEN);
		Map<Long, Section> sections = new LinkedHashMap<>();
		this.cycles.sections(organisationId, cycle.id()).forEach(s -> sections.put(s.id(), s));
		for (Contribution c : this.cycles.contributions(organisationId, cycle.id())) {
			if (c.unitId() == director.id()) {
				write(writer, reviewer, c, shared.get(sections.get(c.sectionId()).title()));
				continue;
			}
			Division division = byUnit.get(c.unitId());
			Section section = sections.get(c.sectionId());
			if (section.perspective() != null) {
				Fulfilment fulfilment = division.assessment().get(section.perspective());
				if (fulfilment != null) {
					write(writer, reviewer, c, division.assessmentText(), fulfilment);
				}
				continue;
			}
			String text = switch (section.title()) {
				case "Analys av ekonomisk situation och verksamhet" -> division.analysis();
				case "Prognos för ekonomin" -> division.forecast();
				case "Personal och bemanning" -> division.staffing();
				default -> null;
			};
			if (text != null) {
				write(writer, reviewer, c, text);
			}
		}
		List<UnitFigures.Draft> rows = new ArrayList<>();
		byUnit.forEach((unitId,
				division) -> rows.add(new UnitFigures.Draft(unitId, division.figures().budget(),
						division.figures().outcome(), division.figures().forecast(), division.figures().previousYear(),
						division.figures().savingsTarget(), division.figures().employees(),
						division.figures().employeesChange(), division.figures().permanentEmployees(),
						division.figures().sickLeavePct(), division.figures().workedHours(), null)));
		this.figures.saveGrid(writer, "2021T1", rows);
		byUnit.forEach((unitId, division) -> this.figures.note(writer, unitId, "2021T1", division.figureNote()));
		var product = this.products.create(writer, cycle.id(), "Divisionernas delårsrapporter april 2021",
				ProductKind.INTERIM_REPORT, new ArrayList<>(sections.keySet()));
		this.products.freeze(writer, cycle.id(), product.id(), product.version());
		Cycle open = this.cycles.get(organisationId, cycle.id());
		open = this.cycles.transition(writer, cycle.id(), open.version(), CycleState.REVIEW);
		this.cycles.transition(writer, cycle.id(), open.version(), CycleState.CLOSED);
		this.cycles.labelDemo(organisationId, cycle.id(),
				"Demo: bedömningar, analyser och siffror ur divisionernas delårsrapporter april 2021; milstolparnas datum är påhittade. Perspektiv som källan inte bedömer är tomma.",
				NOTE_NORRBOTTEN);
	}

	private static BigDecimal mnkr(String value) {
		return value == null ? null : new BigDecimal(value);
	}

	private static UnitFigures.Draft figures(String budget, String outcome, String forecast, String previousYear,
			String savingsTarget, Integer employees, Integer change, String sickLeave) {
		return new UnitFigures.Draft(0, mnkr(budget), mnkr(outcome), mnkr(forecast), mnkr(previousYear),
				mnkr(savingsTarget), employees, change, null, mnkr(sickLeave), null, null);
	}

	private static List<Division> divisions() {
		String nearCare = "Att resultaten påverkats både negativt och positivt blir tydligt när årets första tertial har summerats. Den samlade bedömningen är att divisionen uppnår måluppfyllelsen i perspektivet samhälle, och delvis uppfyller den för perspektiven verksamhet och ekonomi. Divisionens måluppfyllelse i perspektiven medborgare och medarbetare uppnås inte.";
		Map<Perspective, Fulfilment> nearCareAssessment = Map.of(Perspective.SAMHALLE, Fulfilment.ACHIEVED,
				Perspective.VERKSAMHET, Fulfilment.PARTLY, Perspective.EKONOMI, Fulfilment.PARTLY,
				Perspective.MEDBORGARE, Fulfilment.NOT_ACHIEVED, Perspective.MEDARBETARE, Fulfilment.NOT_ACHIEVED);
		String derived = "Källa: delårsrapport april 2021. Budget och utfall är härledda ur den redovisade avvikelsen mot budget (budgeten för nollresultat satt till 0); övriga tomma fält anges inte i källan.";
		return List.of(new Division("Division Närsjukvård Luleå-Boden", nearCareAssessment, nearCare,
				"Divisionen har ett ekonomiskt uppdrag att vidta åtgärder som sänker kostnaderna med 96 mnkr för att under 2021 klara ett nollresultat. Divisionen redovisar per april ett underskott med 7 mnkr mot budget.",
				"Prognosen för helår 2021 visar på ett underskott om 49 mnkr mot budget.",
				"En orsak till att den arbetade tiden minskat jämfört med anställda beror till dels på ökad sjukfrånvaro, men även på grund av den utlåning av personal som gjorts till andra divisioner. I personalrelaterade nyckeltal ses fortfarande en hög sjukfrånvaro.",
				figures("0", "-7", "-49", null, "96", null, null, null), derived),
				new Division("Division Närsjukvård övriga länet", nearCareAssessment, nearCare,
						"Divisionen har ett ekonomiskt uppdrag att vidta åtgärder som sänker kostnaderna med 37 mnkr för att under 2021 klara ett nollresultat. Divisionen redovisar per april ett överskott med 2 mnkr mot budget.",
						"Prognosen för helår 2021 visar på ett underskott om 40 mnkr mot budget.",
						"Den arbetade tiden har ökat jämfört med föregående år. Antalet tillsvidareanställda har minskat, medan vikarier och visstidsanställda ökat. Ökningen består främst i de nyinrättade enheterna för att möta behov utifrån coronapandemin; smittspårning och vaccinationsmottagningar. I personalrelaterade nyckeltal ses fortfarande en hög sjukfrånvaro.",
						figures("0", "2", "-40", null, "37", null, null, null), derived),
				new Division("Division Länssjukvård", Map.of(),
						"Många förbättringsarbeten, aktiviteter och strategiska åtgärder har pausats under covid-19 pandemin och är en delförklaring till att divisionen inte når måluppfyllelsen i flera perspektiv.",
						"Divisionen uppnår ett positivt resultat på 15 mnkr. Det råder en ekonomisk obalans mellan klinikerna med stora kostnader kopplat till covidvården och överskott inom främst VO Lab.",
						"Årsprognosen visar på ett underskott på -7,5 mnkr men prognosen följer det gemensamma scenariot och försiktighetsprincipen. Prognosen är beräknad med höga kostnader för covidvård och låga intäkter av nationella medel med anledning av osäkerheten av pandemins utveckling.",
						"Bemanningssituationen är påverkad av pandemin genom mer inhyrd personal, en högre sjukfrånvaro och personalomflyttningar mellan kliniker och divisioner.",
						figures("15", "15", "-7.5", null, null, null, null, null),
						"Källa: delårsrapport april 2021. Utfallet (+15 mnkr) och prognosen anges i källan; avvikelsen mot budget anges inte, så budgeten är här satt lika med utfallet (fiktivt demovärde)."),
				new Division("Division Folktandvård",
						Map.of(Perspective.MEDBORGARE, Fulfilment.PARTLY, Perspective.VERKSAMHET, Fulfilment.PARTLY,
								Perspective.MEDARBETARE, Fulfilment.NOT_ACHIEVED, Perspective.EKONOMI,
								Fulfilment.NOT_ACHIEVED),
						"Den sammanfattande bedömningen är att måluppfyllelsen i perspektiven medborgare och verksamhet är delvis uppfyllda per april medan måluppfyllelsen i medarbetar- och ekonomiperspektiven inte har kunnat nås.",
						"Divisionen redovisar en betydande avvikelse mot budget. Resultat per april är negativt med -11 mnkr vilket är 6 mnkr sämre än budget.",
						"Årsprognosen är negativ med -22 mnkr vilket är 8 mnkr bättre än 2020.",
						"Den ekonomiska effekten av pandemin och bristen på rekryterbar kompetens är mycket kännbar för folktandvården.",
						figures("-5", "-11", "-22", null, null, null, null, null),
						"Källa: delårsrapport april 2021. Utfall −11 mnkr och 6 mnkr sämre än budget ger budget −5 mnkr."),
				new Division("Division Service",
						Map.of(Perspective.EKONOMI, Fulfilment.ACHIEVED, Perspective.VERKSAMHET,
								Fulfilment.NOT_ACHIEVED),
						"Bedömningen av måluppfyllelsen per april visar att divisionen har en ekonomi i balans och en låg sjukfrånvaro. Divisionens verksamheter har påverkats negativt av pandemin vilket gör att målen under verksamhetsperspektivet inte uppnås.",
						"Divisionens resultat är 0,7 mnkr per april, vilket är 12,6 mnkr bättre än periodens budget och på samma nivå som förra året. Måluppfyllelsen för divisionens ekonomiska handlingsplan är 146 procent per april.",
						"Årsprognosen är beräknad till -1 mnkr.",
						"Antal anställda har minskat med 25 personer sedan årsskiftet, varav 17 tillsvidareanställda.",
						figures("-11.9", "0.7", "-1", "0.7", null, null, -25, null),
						"Källa: delårsrapport april 2021. Utfall 0,7 mnkr och 12,6 mnkr bättre än budget ger budget −11,9 mnkr; föregående år: \"på samma nivå\"."),
				new Division("Division Länsteknik", Map.of(),
						"Division Länsteknik uppfyller merparten av divisionens mål i styrkorten.",
						"Division Länsteknik redovisar ett positivt ekonomiskt resultat på 1 mnkr, vilket är ett överskott på 3 mnkr mot periodbudget. Resultatet kan primärt hänföras till personalomsättningen och till viss del avskrivningskostnader och intäkter.",
						"Det prognosticerade resultatet är positivt med 8 mnkr.",
						"Divisionen har 131 anställda per april vilket är en minskning med sex anställda (8 procent) under perioden. Sjukfrånvaron ligger på 5,3 procent vilket är en minskning med 1 procentenhet.",
						figures("-2", "1", "8", null, null, 131, -6, "5.3"),
						"Källa: delårsrapport april 2021. Utfall 1 mnkr och 3 mnkr över periodbudget ger budget −2 mnkr."));
	}

}
