package se.stratlas.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.Actor;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Contact;
import se.stratlas.actors.Partnership;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.initiatives.Application;
import se.stratlas.initiatives.Applications;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeDraft;
import se.stratlas.initiatives.InitiativeManagement;
import se.stratlas.initiatives.InitiativeParts;
import se.stratlas.initiatives.Kinds.Decision;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;
import se.stratlas.initiatives.Parts.AssessmentDraft;
import se.stratlas.strategy.AssessmentLevel;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.ElementManagement;

/**
 * The demo region's units, actors, contact persons, partnerships, the 133 named
 * initiatives of Resultat Västerbotten 2023 (names, types, priorities and figures as the
 * seed gives them) and a few applications. Amounts, assessments and some dates the seeds
 * do not give are invented, deterministically, and every initiative that carries them
 * says so ("fiktiva demovärden").
 */
@Component
class DemoInitiatives {

	static final String DEMO_NOTE = "Fiktiva demovärden: belopp, bedömningar mot inriktningarna och geografi är "
			+ "påhittade för demon. Namn, typ, koppling till prioritering och uppgifterna i beskrivningen kommer från "
			+ "Resultat Västerbotten 2023.";

	private static final Pattern SUB_PRIORITY = Pattern.compile("\\b([1-6])[.:]([1-9])\\b");

	private static final Pattern ISO_DATE = Pattern.compile("\\b(20\\d\\d-\\d\\d-\\d\\d)\\b");

	private final OrganisationUnits units;

	private final ActorRegistry actors;

	private final InitiativeManagement initiatives;

	private final InitiativeParts parts;

	private final Applications applications;

	private final StrategyCatalog strategies;

	private final ElementManagement strategyManagement;

	private final Areas areas;

	DemoInitiatives(OrganisationUnits units, ActorRegistry actors, InitiativeManagement initiatives,
			InitiativeParts parts, Applications applications, StrategyCatalog strategies,
			ElementManagement strategyManagement, Areas areas) {
		this.units = units;
		this.actors = actors;
		this.initiatives = initiatives;
		this.parts = parts;
		this.applications = applications;
		this.strategies = strategies;
		this.strategyManagement = strategyManagement;
		this.areas = areas;
	}

	/**
	 * The demo's own actor: a strateg of the organisation, named "demo" in every audit
	 * row.
	 */
	record DemoUser(long organisationId, Long unitId) implements StratlasPrincipal {

		@Override
		public long userId() {
			return 0;
		}

		@Override
		public String username() {
			return DemoRegion.ACTOR;
		}

		@Override
		public String displayName() {
			return "Demodata";
		}

		@Override
		public Set<Role> roles() {
			return EnumSet.of(Role.STRATEGIST);
		}

	}

	void load(long organisationId, Strategy rus, Map<String, Long> userIds) {
		Map<String, OrganisationUnit> unitsByPriority = units(organisationId);
		this.units.assign(organisationId, userIds.get("rasmus.rapportor"),
				this.units
					.ensure(organisationId, null, OrganisationUnit.Kind.ENHET, "Företag- och projektfinansiering",
							DemoRegion.ACTOR)
					.id(),
				DemoRegion.ACTOR);
		Map<String, StrategyElement> rusByCode = new HashMap<>();
		this.strategies.elements(organisationId, this.strategies.latestVersion(organisationId, rus.id()).id())
			.stream()
			.filter(e -> e.code() != null)
			.forEach(e -> rusByCode.put(e.code(), e));
		List<Direction> directions = this.strategies.directions(organisationId, rus.id());
		directions.stream()
			.filter(d -> d.element().nameSv().equals("Jämlik och jämställd inkludering"))
			.forEach(d -> this.strategyManagement.setFundingGate(organisationId, d.element().id(), true,
					DemoRegion.ACTOR));
		Map<String, Actor> actors = actors(organisationId);
		contacts(organisationId, rusByCode, actors);
		partnerships(organisationId, rusByCode, actors);
		DemoUser demo = new DemoUser(organisationId, null);
		Map<Integer, Initiative> byNumber = new HashMap<>();
		for (String[] row : rows()) {
			int number = Integer.parseInt(row[0]);
			Initiative initiative = initiative(demo, row, unitsByPriority, rusByCode, rus, directions);
			byNumber.put(number, initiative);
		}
		sdgEffects(demo, byNumber);
		participants(demo, byNumber, actors);
		applications(demo, rus, directions, actors);
	}

	private Map<String, OrganisationUnit> units(long organisationId) {
		OrganisationUnit administration = this.units.ensure(organisationId, null, OrganisationUnit.Kind.FORVALTNING,
				"Regionala utvecklingsförvaltningen", DemoRegion.ACTOR);
		Map<String, String> byPriority = new LinkedHashMap<>();
		byPriority.put("P1", "Digitalisering och innovationsledning");
		byPriority.put("P2", "Företag- och projektfinansiering");
		byPriority.put("P3", "Näringsliv och samhällsbyggnad");
		byPriority.put("P4", "Samhällsbyggnad");
		byPriority.put("P5", "Folkhälsoenheten");
		byPriority.put("P6", "Utbildning och kompetensförsörjning");
		byPriority.put("X", "Externa relationer och strategisk platsutveckling");
		Map<String, OrganisationUnit> units = new HashMap<>();
		byPriority.forEach((priority, name) -> units.put(priority, this.units.ensure(organisationId,
				administration.id(), OrganisationUnit.Kind.ENHET, name, DemoRegion.ACTOR)));
		this.units.ensure(organisationId, administration.id(), OrganisationUnit.Kind.ENHET,
				"Region Västerbotten Turism", DemoRegion.ACTOR);
		this.units.ensure(organisationId, administration.id(), OrganisationUnit.Kind.ENHET, "Regional kulturverksamhet",
				DemoRegion.ACTOR);
		return units;
	}

	private Map<String, Actor> actors(long organisationId) {
		Map<String, Actor> actors = new HashMap<>();
		for (Area municipality : this.areas.municipalitiesOf("24")) {
			actors.put(municipality.name(), this.actors.ensure(organisationId, municipality.name() + " kommun",
					Actor.Kind.KOMMUN, DemoRegion.ACTOR));
			Actor actor = actors.get(municipality.name());
			this.actors.update(organisationId, actor.id(), actor.version(), new ActorRegistry.ActorDraft(actor.name(),
					Actor.Kind.KOMMUN, null, null, List.of(municipality.code())), DemoRegion.ACTOR);
		}
		Object[][] others = { { "Region Västerbotten", Actor.Kind.REGION }, { "Region Norrbotten", Actor.Kind.REGION },
				{ "Länsstyrelsen Västerbotten", Actor.Kind.LANSSTYRELSE }, { "Umeå universitet", Actor.Kind.LAROSATE },
				{ "Sveriges lantbruksuniversitet", Actor.Kind.LAROSATE }, { "RISE", Actor.Kind.STATLIG_MYNDIGHET },
				{ "Vinnova", Actor.Kind.STATLIG_MYNDIGHET }, { "Tillväxtverket", Actor.Kind.STATLIG_MYNDIGHET },
				{ "Almi", Actor.Kind.FORETAG }, { "Business Sweden", Actor.Kind.FORETAG },
				{ "Exportkreditnämnden", Actor.Kind.STATLIG_MYNDIGHET },
				{ "Enterprise Europe Network", Actor.Kind.NATVERK },
				{ "Västerbottens handelskammare", Actor.Kind.FORENING }, { "LRF Västerbotten", Actor.Kind.FORENING },
				{ "Lystkom", Actor.Kind.KOMMUNALFORBUND }, { "Örnsköldsviks kommun", Actor.Kind.KOMMUN },
				{ "Gold of Lapland", Actor.Kind.FORETAG }, { "BSI Hamburg", Actor.Kind.OVRIGT },
				{ "Malmö universitet", Actor.Kind.LAROSATE }, { "Kvarkenrådet", Actor.Kind.EU_ORGAN },
				{ "Sparbanksstiftelsen", Actor.Kind.STIFTELSE }, { "AC-Net", Actor.Kind.NATVERK } };
		for (Object[] other : others) {
			actors.put((String) other[0],
					this.actors.ensure(organisationId, (String) other[0], (Actor.Kind) other[1], DemoRegion.ACTOR));
		}
		return actors;
	}

	private void contacts(long organisationId, Map<String, StrategyElement> rus, Map<String, Actor> actors) {
		Object[][] contacts = { { "Magnus Rudehäll", "Enhetschef Digitalisering och Innovationsledning", "1" },
				{ "Stina Karlgren", "Enhetschef Samhällsbyggnad", "1,2,4" },
				{ "Annika Sandström", "Regionturismchef", "2" },
				{ "Nils Enwald", "Chef Företag- och projektfinansiering", "2" },
				{ "Jonas Lundström", "Chef Näringsliv och samhällsbyggnad", "3,6" },
				{ "Joakim Sandberg", "Regionkulturchef", "4" },
				{ "Helena Björnwall Åström", "Regionbibliotekschef", "4" },
				{ "Fredric Larsson", "Enhetschef för Film i Västerbotten", "4" },
				{ "Maria Falck", "Enhetschef Folkhälsoenheten", "5" },
				{ "Monica Wahlström", "Chef och strateg FoU Socialtjänst", "5" },
				{ "Thomas Hartman", "Chef Externa relationer och strategisk platsutveckling", "" },
				{ "Rachel Nygren", "Chef Stab regional utveckling", "" } };
		for (Object[] contact : contacts) {
			List<UUID> keys = new ArrayList<>();
			for (String code : ((String) contact[2]).split(",")) {
				if (!code.isBlank()) {
					keys.add(rus.get(code).key());
				}
			}
			this.actors.addContact(organisationId, new Contact(0, (String) contact[0], (String) contact[1],
					actors.get("Region Västerbotten").id(), null, null, null, keys), DemoRegion.ACTOR);
		}
	}

	private void partnerships(long organisationId, Map<String, StrategyElement> rus, Map<String, Actor> actors) {
		long din = this.actors
			.createPartnership(organisationId, "Digital Impact North",
					"Strategiskt partnerskap avseende digitalisering.",
					List.of(rus.get("1").key(), rus.get("1.2").key()), DemoRegion.ACTOR)
			.id();
		for (String member : List.of("Umeå universitet", "Sveriges lantbruksuniversitet", "RISE", "Umeå")) {
			this.actors.addMember(organisationId, din, actors.get(member).id(), Partnership.Role.MEDLEM,
					DemoRegion.ACTOR);
		}
		this.actors.addMember(organisationId, din, actors.get("Region Västerbotten").id(), Partnership.Role.MEDLEM,
				DemoRegion.ACTOR);
		long export = this.actors
			.createPartnership(organisationId, "Regional exportsamverkan",
					"Kärnan i det regionala exportfrämjande systemet.", List.of(rus.get("2.1").key()), DemoRegion.ACTOR)
			.id();
		for (String member : List.of("Almi", "Business Sweden", "Exportkreditnämnden", "Enterprise Europe Network",
				"Västerbottens handelskammare")) {
			this.actors.addMember(organisationId, export, actors.get(member).id(), Partnership.Role.MEDLEM,
					DemoRegion.ACTOR);
		}
		this.actors.addMember(organisationId, export, actors.get("Region Västerbotten").id(),
				Partnership.Role.KOORDINATOR, DemoRegion.ACTOR);
		long food = this.actors
			.createPartnership(organisationId, "Mer mat från Västerbotten",
					"Regional livsmedelsstrategi; Region Västerbotten är huvudman.", List.of(rus.get("2").key()),
					DemoRegion.ACTOR)
			.id();
		this.actors.addMember(organisationId, food, actors.get("Region Västerbotten").id(), Partnership.Role.HUVUDMAN,
				DemoRegion.ACTOR);
		this.actors.addMember(organisationId, food, actors.get("Länsstyrelsen Västerbotten").id(),
				Partnership.Role.MEDLEM, DemoRegion.ACTOR);
		this.actors.addMember(organisationId, food, actors.get("LRF Västerbotten").id(), Partnership.Role.MEDLEM,
				DemoRegion.ACTOR);
	}

	private Initiative initiative(DemoUser demo, String[] row, Map<String, OrganisationUnit> units,
			Map<String, StrategyElement> rus, Strategy strategy, List<Direction> directions) {
		int number = Integer.parseInt(row[0]);
		String name = row[1];
		String priority = row[3].replaceAll("[^PX0-9].*", "").strip();
		String figures = row.length > 5 ? row[5] : "";
		InitiativeType type = type(row[2]);
		String lower = figures.toLowerCase(Locale.ROOT);
		Status status = lower.contains("avslut") || lower.contains("ended") || lower.contains("completed")
				|| lower.contains("not granted") ? Status.AVSLUTAD : Status.PAGAENDE;
		LocalDate end = null;
		Matcher date = ISO_DATE.matcher(figures);
		if (date.find()) {
			end = LocalDate.parse(date.group(1));
		}
		List<String> areaCodes = new ArrayList<>();
		for (Area municipality : this.areas.municipalitiesOf("24")) {
			if (figures.contains(municipality.name()) || name.contains(municipality.name())) {
				areaCodes.add(municipality.code());
			}
		}
		boolean invented = type == InitiativeType.PROJEKT || type == InitiativeType.FORSTUDIE;
		if (invented && areaCodes.isEmpty()) {
			List<Area> county = this.areas.municipalitiesOf("24");
			areaCodes.add(county.get(number % county.size()).code());
			if (number % 3 == 0) {
				areaCodes.add(county.get((number * 7) % county.size()).code());
			}
		}
		OrganisationUnit unit = units.getOrDefault(priority.startsWith("P") ? priority.substring(0, 2) : "X",
				units.get("X"));
		String description = figures.isBlank() || "–".equals(figures) ? null
				: "Ur Resultat Västerbotten 2023: " + figures;
		InitiativeDraft draft = new InitiativeDraft(name, acronym(name), type, status, description, null, null, null,
				null, null, null, end, unit.id(), null, List.copyOf(new LinkedHashSet<>(areaCodes)), List.of());
		Initiative initiative = this.initiatives.create(demo, draft, invented ? DEMO_NOTE : null);
		List<String> codes = new ArrayList<>();
		Matcher sub = SUB_PRIORITY.matcher(row.length > 4 ? row[4] : "");
		while (sub.find()) {
			String code = sub.group(1) + "." + sub.group(2);
			if (rus.containsKey(code) && !codes.contains(code)) {
				codes.add(code);
			}
		}
		if (codes.isEmpty() && priority.matches("P[1-6]")) {
			codes.add(priority.substring(1));
		}
		for (int i = 0; i < codes.size(); i++) {
			this.parts.contribute(demo, initiative.id(), rus.get(codes.get(i)).key(), i == 0,
					i == 0 ? "Kopplingen anges i Resultat Västerbotten 2023." : null);
		}
		if (invented) {
			List<AssessmentLevel> scale = AssessmentLevel.DEFAULT_SCALE;
			for (int d = 0; d < directions.size(); d++) {
				int pick = (number * 31 + d * 17) % 10;
				AssessmentLevel level = scale.get(pick < 3 ? 0 : pick < 8 ? 1 : pick < 9 ? 2 : 3);
				this.parts.assess(demo, initiative.id(), strategy.id(), new AssessmentDraft(
						directions.get(d).element().key(), level.code(), null, null, null, "Fiktiv demobedömning."));
			}
			int years = 1 + number % 3;
			for (int y = 0; y < years; y++) {
				long amount = 250_000L * (2 + (number * 13 + y * 7) % 24);
				FundingSource source = y == 0 ? FundingSource.ANSLAG_1_1 : switch (number % 5) {
					case 0 -> FundingSource.ERUF;
					case 1 -> FundingSource.KOMMUNER;
					case 2 -> FundingSource.VINNOVA;
					case 3 -> FundingSource.INTERREG;
					default -> FundingSource.EGNA_MEDEL;
				};
				this.parts.addFunding(demo, initiative.id(), source, 2021 + (number + y) % 4,
						BigDecimal.valueOf(amount), "Fiktivt demobelopp");
			}
		}
		if (number == 33) {
			this.parts.addFunding(demo, initiative.id(), FundingSource.ANSLAG_1_1, 2023, BigDecimal.valueOf(75_000_000),
					"75 mnkr för åren 2023–2025 enligt Resultat Västerbotten 2023");
		}
		return initiative;
	}

	private void sdgEffects(DemoUser demo, Map<Integer, Initiative> byNumber) {
		Map<Integer, String> positive = new LinkedHashMap<>();
		positive.put(12, "9,17");
		positive.put(13, "9,17");
		positive.put(14, "9,17");
		positive.put(44, "8,9");
		positive.put(74, "7,9");
		positive.put(75, "7");
		positive.put(77, "7,9");
		positive.put(78, "11");
		positive.put(73, "5,10,8,1,4,16");
		positive.put(48, "2,3,8,11,12,13,15");
		positive.put(38, "9,15");
		positive.put(86, "10");
		positive.put(83, "4");
		positive.put(55, "9");
		positive.put(56, "9");
		positive.put(57, "9");
		positive.put(65, "9");
		positive.put(66, "9,11");
		positive.put(30, "7,13");
		positive.put(130, "11.a");
		positive.forEach((number, codes) -> {
			for (String code : codes.split(",")) {
				this.parts.addSdgEffect(demo, byNumber.get(number).id(), code, true, true,
						"Kopplingen görs i Resultat Västerbotten 2023.", null);
			}
		});
		this.parts.addSdgEffect(demo, byNumber.get(65).id(), "13", false, false, "Fiktivt demoexempel.",
				"Högre hastighet och mer vägtrafik kan öka utsläppen (fiktivt demoexempel)");
		this.parts.addSdgEffect(demo, byNumber.get(66).id(), "15", true, false, "Fiktivt demoexempel.",
				"Intrång i natur- och renskötselområden (fiktivt demoexempel)");
	}

	private void participants(DemoUser demo, Map<Integer, Initiative> byNumber, Map<String, Actor> actors) {
		Object[][] participants = { { 28, "Umeå universitet", Partnership.Role.PARTNER },
				{ 28, "Sveriges lantbruksuniversitet", Partnership.Role.PARTNER },
				{ 28, "RISE", Partnership.Role.PARTNER }, { 28, "Umeå", Partnership.Role.PARTNER },
				{ 9, "AC-Net", Partnership.Role.PARTNER }, { 9, "Malå", Partnership.Role.PARTNER },
				{ 9, "Vilhelmina", Partnership.Role.PARTNER }, { 9, "Sorsele", Partnership.Role.PARTNER },
				{ 21, "BSI Hamburg", Partnership.Role.PROJEKTAGARE },
				{ 21, "Malmö universitet", Partnership.Role.PARTNER },
				{ 45, "Gold of Lapland", Partnership.Role.PROJEKTAGARE },
				{ 48, "Länsstyrelsen Västerbotten", Partnership.Role.PARTNER },
				{ 48, "LRF Västerbotten", Partnership.Role.PARTNER },
				{ 52, "Sparbanksstiftelsen", Partnership.Role.SAMMANKALLANDE },
				{ 52, "Länsstyrelsen Västerbotten", Partnership.Role.SAMMANKALLANDE },
				{ 63, "Kvarkenrådet", Partnership.Role.PROJEKTAGARE },
				{ 14, "Örnsköldsviks kommun", Partnership.Role.MEDFINANSIAR },
				{ 11, "Lystkom", Partnership.Role.MEDLEM } };
		for (Object[] p : participants) {
			this.parts.addParticipant(demo, byNumber.get((Integer) p[0]).id(), actors.get((String) p[1]).id(),
					(Partnership.Role) p[2]);
		}
	}

	private void applications(DemoUser demo, Strategy rus, List<Direction> directions, Map<String, Actor> actors) {
		Map<String, Direction> byName = new HashMap<>();
		directions.forEach(d -> byName.put(d.element().nameSv(), d));
		Application ready = this.applications.register(demo,
				new Application.Draft(rus.id(), "Jämställt företagande i inlandet (fiktiv demoansökan)",
						actors.get("Vilhelmina").id(),
						"Fiktiv demoansökan: stöd till kvinnors företagande i inlandskommunerna.",
						BigDecimal.valueOf(1_800_000), FundingSource.ANSLAG_1_1));
		assess(demo, ready, byName.get("Sammanhållen region"), "BIDRAR");
		assess(demo, ready, byName.get("Föregångare i omställning"), "BIDRAR_INTE");
		Application refusedByGate = this.applications.register(demo,
				new Application.Draft(rus.id(), "Digital bokningsplattform för besöksnäringen (fiktiv demoansökan)",
						actors.get("Storuman").id(),
						"Fiktiv demoansökan: gemensam bokningsplattform för turistföretag.",
						BigDecimal.valueOf(950_000), FundingSource.ANSLAG_1_1));
		assess(demo, refusedByGate, byName.get("Sammanhållen region"), "BIDRAR");
		assess(demo, refusedByGate, byName.get("Jämlik och jämställd inkludering"), "BIDRAR_INTE");
		assess(demo, refusedByGate, byName.get("Föregångare i omställning"), "BIDRAR");
		Application gated = this.applications.get(demo.organisationId(), refusedByGate.id());
		this.applications.decide(demo, gated.id(), gated.version(), Decision.AVSLAG, null, LocalDate.of(2023, 11, 6),
				"Fiktivt demobeslut: kan inte beviljas – bedömningen mot Jämlik och jämställd inkludering är inte "
						+ "positiv, och den inriktningen är en grind för projektstöd.");
		Application granted = this.applications.register(demo,
				new Application.Draft(rus.id(), "Vätgasnod Storuman (fiktiv demoansökan)", actors.get("Storuman").id(),
						"Fiktiv demoansökan: förstudie om en vätgasnod.", BigDecimal.valueOf(2_400_000),
						FundingSource.ANSLAG_1_1));
		for (Direction direction : directions) {
			assess(demo, granted, direction, "BIDRAR");
		}
		this.applications.decide(demo, granted.id(), granted.version(), Decision.BEVILJAD,
				BigDecimal.valueOf(2_000_000), LocalDate.of(2023, 9, 14), "Fiktivt demobeslut.");
		Application refused = this.applications.register(demo,
				new Application.Draft(rus.id(), "Eventplattform för konferenser (fiktiv demoansökan)",
						actors.get("Skellefteå").id(), "Fiktiv demoansökan.", BigDecimal.valueOf(600_000),
						FundingSource.ANSLAG_1_1));
		this.applications.decide(demo, refused.id(), refused.version(), Decision.AVSLAG, null,
				LocalDate.of(2023, 10, 2), "Fiktivt demobeslut: ligger utanför prioriteringarna.");
		this.applications.register(demo,
				new Application.Draft(rus.id(), "Kompetenslyft i vården (fiktiv demoansökan)",
						actors.get("Lycksele").id(), "Fiktiv demoansökan, ännu inte bedömd.",
						BigDecimal.valueOf(1_200_000), FundingSource.ERUF));
	}

	private void assess(DemoUser demo, Application application, Direction direction, String level) {
		this.applications.assess(demo, application.id(), new AssessmentDraft(direction.element().key(), level,
				"Sökande: kommun", "Företag i inlandet", "Inlandskommuner", "Fiktiv demobedömning."));
	}

	private static InitiativeType type(String code) {
		String first = code.split("[/ ]")[0].strip();
		return switch (first) {
			case "P" -> InitiativeType.PROJEKT;
			case "FS" -> InitiativeType.FORSTUDIE;
			case "N" -> InitiativeType.NATVERK;
			case "M" -> InitiativeType.MOTESPLATS;
			case "S" -> InitiativeType.STRATEGI;
			case "U" -> InitiativeType.UPPDRAG;
			case "G" -> InitiativeType.STODFORM;
			case "A" -> InitiativeType.ANALYS;
			case "E" -> InitiativeType.EVENEMANG;
			default -> InitiativeType.INSATS;
		};
	}

	private static String acronym(String name) {
		Matcher m = Pattern.compile("\\(([A-ZÅÄÖ0-9]{2,10})\\)").matcher(name);
		return m.find() ? m.group(1) : null;
	}

	static List<String[]> rows() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("demo/initiatives-resultat-vasterbotten-2023.tsv").getInputStream(),
				StandardCharsets.UTF_8))) {
			return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
