package se.stratlas.demo.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.strategy.ElementDraft;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.RelationType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyDraft;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.ElementManagement;
import se.stratlas.strategy.StrategyManagement;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.StrategyVersion;
import se.stratlas.followup.Cycles;
import se.stratlas.foresight.Workshops;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeFilter;

/**
 * Loads the demo region once: when the strategies exist, nothing is loaded again. Runs
 * after the first administrator is created.
 */
@Component
@Order(10)
class DemoRegion implements ApplicationRunner {

	static final String ACTOR = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoRegion.class);

	private final Environment environment;

	private final Organisations organisations;

	private final UserAccounts users;

	private final StrategyCatalog catalog;

	private final StrategyManagement management;

	private final ElementManagement elements;

	private final TransactionTemplate transactions;

	private final DemoInitiatives initiatives;

	private final InitiativeCatalog initiativeCatalog;

	private final DemoIndicators indicators;

	private final IndicatorRegistry indicatorRegistry;

	private final DemoFollowup followup;

	private final Cycles cycles;

	private final DemoForesight foresight;

	private final DemoLearning learning;

	private final DemoExchange exchange;

	private final DemoSensors sensors;

	private final DemoHealth health;

	private final Workshops workshops;

	DemoRegion(Environment environment, Organisations organisations, UserAccounts users, StrategyCatalog catalog,
			StrategyManagement management, ElementManagement elements, TransactionTemplate transactions,
			DemoInitiatives initiatives, InitiativeCatalog initiativeCatalog, DemoIndicators indicators,
			IndicatorRegistry indicatorRegistry, DemoFollowup followup, Cycles cycles, DemoForesight foresight,
			Workshops workshops, DemoLearning learning, DemoExchange exchange, DemoSensors sensors, DemoHealth health) {
		this.learning = learning;
		this.health = health;
		this.exchange = exchange;
		this.sensors = sensors;
		this.foresight = foresight;
		this.workshops = workshops;
		this.followup = followup;
		this.cycles = cycles;
		this.indicators = indicators;
		this.indicatorRegistry = indicatorRegistry;
		this.initiatives = initiatives;
		this.initiativeCatalog = initiativeCatalog;
		this.environment = environment;
		this.organisations = organisations;
		this.users = users;
		this.catalog = catalog;
		this.management = management;
		this.elements = elements;
		this.transactions = transactions;
	}

	/**
	 * Demo mode is on when asked for, and by default when Stratlas runs on its embedded
	 * database.
	 */
	boolean enabled() {
		String url = this.environment.getProperty("spring.datasource.url");
		boolean embedded = url == null || url.isBlank();
		return this.environment.getProperty("stratlas.demo.enabled", Boolean.class, embedded);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled()) {
			return;
		}
		this.transactions.executeWithoutResult(status -> load());
		loadExchange();
		loadHealth();
	}

	/**
	 * The demo's data exchange, after the rest is committed and in transactions of its
	 * own: its sealed auction closes at its deadline, which the demo waits for.
	 */
	void loadExchange() {
		Organisation vasterbotten = this.organisations.findByCode("vasterbotten").orElseThrow();
		if (!this.exchange.loaded(vasterbotten.id())) {
			Organisation company = this.organisations.ensure("exempelbolaget", "Exempelbolaget Data AB (påhittat)");
			demoUser(company, "erik.exempel", "Erik Exempel",
					this.environment.getProperty("stratlas.demo.password", "stratlas-demo"), Role.STRATEGIST);
			this.exchange.load(vasterbotten, this.organisations.findByCode("norrbotten").orElseThrow(), company);
			log.info("Demo data exchange loaded: pumping stations (simulated) open for bids, travel patterns sold");
		}
		if (!this.sensors.loaded(vasterbotten.id())) {
			this.transactions.executeWithoutResult(status -> this.sensors.load(vasterbotten));
			log.info("Demo sensor stream loaded: three pumping stations (simulated), a day of readings, one alarm");
		}
	}

	/** The demo's health data, synthetic and labelled so, in a transaction of its own. */
	void loadHealth() {
		if (this.health.loaded()) {
			return;
		}
		Organisation vasterbotten = this.organisations.findByCode("vasterbotten").orElseThrow();
		Organisation norrbotten = this.organisations.findByCode("norrbotten").orElseThrow();
		this.transactions.executeWithoutResult(status -> this.health.load(vasterbotten, norrbotten));
		log.info(
				"Demo health data loaded: synthetic 1177 contacts and care episodes, one approved and one refused application");
	}

	void load() {
		String password = this.environment.getProperty("stratlas.demo.password", "stratlas-demo");
		Organisation vasterbotten = profile(this.organisations.ensure("vasterbotten", "Region Västerbotten"), "24",
				"https://www.regionvasterbotten.se");
		Organisation norrbotten = profile(this.organisations.ensure("norrbotten", "Region Norrbotten"), "25",
				"https://www.norrbotten.se");
		demoUser(vasterbotten, "anna.admin", "Anna Admin", password, Role.ADMINISTRATOR);
		demoUser(vasterbotten, "sara.strateg", "Sara Strateg", password, Role.STRATEGIST);
		demoUser(vasterbotten, "rasmus.rapportor", "Rasmus Rapportör", password, Role.REPORTER);
		demoUser(vasterbotten, "greta.granskare", "Greta Granskare", password, Role.REVIEWER);
		demoUser(vasterbotten, "lars.lasare", "Lars Läsare", password, Role.READER);
		demoUser(norrbotten, "nils.strateg", "Nils Strateg", password, Role.STRATEGIST);
		demoUser(norrbotten, "nora.lasare", "Nora Läsare", password, Role.READER);
		Strategy rus = this.catalog.strategies(vasterbotten.id())
			.stream()
			.filter(s -> "RUS".equals(s.code()) && s.organisationId() != null
					&& vasterbotten.id() == s.organisationId())
			.findFirst()
			.orElse(null);
		if (rus == null) {
			rus = loadRus(vasterbotten.id());
			loadRds(vasterbotten.id(), rus);
			log.info(
					"Demo region loaded: Region Västerbotten (RUS 2020–2030, RDS 2022–2030 remiss), Region Norrbotten");
		}
		if (this.initiativeCatalog.find(vasterbotten.id(), InitiativeFilter.none()).isEmpty()) {
			Map<String, Long> ids = new HashMap<>();
			this.users.list(vasterbotten.id()).forEach(u -> ids.put(u.username(), u.id()));
			this.initiatives.load(vasterbotten.id(), rus, ids);
			log.info("Demo initiatives loaded: 133 named initiatives of Resultat Västerbotten 2023, applications");
		}
		if (this.indicatorRegistry.definitions(vasterbotten.id()).isEmpty()) {
			Map<String, UUID> keys = new HashMap<>();
			this.catalog.elements(vasterbotten.id(), this.catalog.latestVersion(vasterbotten.id(), rus.id()).id())
				.stream()
				.filter(e -> e.code() != null)
				.forEach(e -> keys.put(e.code(), e.key()));
			this.indicators.load(vasterbotten.id(), keys);
			log.info("Demo indicators loaded (fiktiva demovärden)");
		}
		if (this.workshops.list(norrbotten.id()).isEmpty()) {
			UUID priority1 = this.catalog
				.elements(vasterbotten.id(), this.catalog.latestVersion(vasterbotten.id(), rus.id()).id())
				.stream()
				.filter(e -> e.type() == ElementType.PRIORITY && "1".equals(e.code()))
				.map(StrategyElement::key)
				.findFirst()
				.orElse(null);
			this.foresight.loadVasterbotten(vasterbotten.id(), priority1);
			this.foresight.loadNorrbotten(norrbotten.id());
			log.info("Demo foresight loaded: omvärldsbevakning from seed 001, SWOT workshops from seed 004");
		}
		if (this.cycles.list(vasterbotten.id()).isEmpty()) {
			this.followup.loadVasterbotten(vasterbotten.id(), rus.id());
			log.info("Demo follow-up loaded: Resultat Västerbotten 2023 (priorities 2 and 5)");
		}
		if (this.cycles.list(norrbotten.id()).isEmpty()) {
			this.followup.loadNorrbotten(norrbotten.id());
			log.info("Demo follow-up loaded: Region Norrbotten, delårsrapport tertial 1 2021");
		}
		if (!this.learning.loaded(vasterbotten.id(), rus.id())) {
			this.learning.load(vasterbotten.id(), rus.id());
			log.info("Demo learning loaded: assessments, lessons and proposals for RUS priorities 2 and 5");
		}
	}

	/** A demo region's profile: a region with its county as home area, set once. */
	private Organisation profile(Organisation organisation, String county, String website) {
		if (organisation.homeArea() != null) {
			return organisation;
		}
		return this.organisations.update(organisation.id(), organisation.version(),
				new Organisation.Profile(organisation.name(), Organisation.Kind.REGION, county, null, null, website),
				ACTOR);
	}

	private void demoUser(Organisation organisation, String username, String name, String password, Role role) {
		this.users.ensureDemoUser(organisation.id(), username, name, password, EnumSet.of(role));
	}

	private Strategy loadRus(long organisationId) {
		Strategy rus = this.management.createStrategy(organisationId, new StrategyDraft("RUS",
				"Västerbotten – en attraktiv region där olikheter skapar utvecklingskraft (RUS 2020–2030)",
				"Västerbotten – an attractive region where differences create development power (RUS 2020–2030)",
				"Den regionala utvecklingsstrategin är ett uppdrag från regeringen och tas fram för att visa vägen för "
						+ "en önskvärd utveckling i Västerbotten till år 2030. Strategin, som beslutas av "
						+ "regionfullmäktige, visar länets gemensamma ambitioner och är tänkt att vara vägledande för "
						+ "aktörer inom alla sektorer.",
				null, 2020, 2030, null, true), "Antagen strategi", StrategyStatus.UTKAST, ACTOR);
		long version = this.catalog.latestVersion(organisationId, rus.id()).id();
		add(organisationId, version, null, ElementType.GOAL, null, "En levande plats", "A living place",
				"En levande plats är samhället där människor vill stanna, för ett kortare besök eller hela livet. Det "
						+ "är platsen med goda förutsättningar för att besöka, växa, arbeta och bli gammal.");
		add(organisationId, version, null, ElementType.GOAL, null, "En cirkulär plats", "A circular place",
				"En cirkulär plats hanterar klimatomställningen samt skapar ekonomiska möjligheter och infrastruktur "
						+ "på ett sätt som samtidigt tar hand om naturresurserna och ekosystemen för att Västerbotten "
						+ "ska vara en levande plats för framtida generationer.");
		add(organisationId, version, null, ElementType.DIRECTION, null, "Sammanhållen region", "Cohesive region",
				"Regionala utvecklingsinsatser bidrar till en platsbaserad, utåtriktad och integrerad utveckling av "
						+ "städer, landsbygder och glesbygder inom och utanför länet, för att Västerbotten ska vara en "
						+ "sammanhållen region.",
				"En sammanhållen region");
		add(organisationId, version, null, ElementType.DIRECTION, null, "Jämlik och jämställd inkludering",
				"Equal and gender-equal inclusion",
				"Regionala utvecklingsinsatser bidrar till att länet säkerställer att skillnader mellan grupper "
						+ "utjämnas för en jämställd och inkluderande utveckling.",
				"Jämställd inkludering", "En jämlik och jämställd inkludering");
		add(organisationId, version, null, ElementType.DIRECTION, null, "Föregångare i omställning",
				"Forerunner in the transition",
				"Regionala utvecklingsinsatser bidrar till att länet blir en föregångare i omställningen till ett "
						+ "cirkulärt samhälle med beredskap för klimat- och miljöförändringar",
				"Föregångare i omställningen");
		StrategyElement p1 = add(organisationId, version, null, ElementType.PRIORITY, "1",
				"Västerbotten – En nytänkande och smart region", "An innovative and smart region", null,
				"En nytänkande och smart region", "RUS-prioritering 1");
		StrategyElement p2 = add(organisationId, version, null, ElementType.PRIORITY, "2",
				"Västerbotten – En region med platsbaserad hållbar näringslivsutveckling",
				"A region with place-based sustainable business development", null,
				"En hållbar och platsbaserad näringslivsutveckling", "RUS-prioritering 2");
		StrategyElement p3 = add(organisationId, version, null, ElementType.PRIORITY, "3",
				"Västerbotten – En nära tillgänglig region", "A closely accessible region", null,
				"En nära tillgänglig region", "RUS-prioritering 3");
		StrategyElement p4 = add(organisationId, version, null, ElementType.PRIORITY, "4",
				"Västerbotten – En region med hållbara livsmiljöer att bo, verka och leva i",
				"A region with sustainable living environments to live, work and be active in", null,
				"En region med hållbara livsmiljöer", "RUS-prioritering 4");
		StrategyElement p5 = add(organisationId, version, null, ElementType.PRIORITY, "5",
				"Västerbotten – En hälsofrämjande region", "A health-promoting region", null, "RUS-prioritering 5");
		add(organisationId, version, null, ElementType.PRIORITY, "6", "Västerbotten – En region rik på kompetenser",
				"A region rich in skills", null, "RUS-prioritering 6");
		sub(organisationId, version, p1, "1.1",
				"Utveckla kapaciteten i innovationsekosystemet och de strukturer som finns för "
						+ "digitaliseringsfrämjande, inklusive att skapa en tydligare samordning av innovationsekosystemet",
				null);
		sub(organisationId, version, p1, "1.2",
				"Ta tillvara den potential som finns för privata och offentliga organisationer att utveckla sina "
						+ "verksamheter samt förbättra resultaten genom införande av nya innovationer, inklusive "
						+ "digitala lösningar",
				null);
		sub(organisationId, version, p1, "1.3",
				"Ta tillvara potentialen för fler innovationer i Västerbotten genom att utveckla innovationsprocesser "
						+ "i företag, samisk näring, offentlig sektor och civilsamhällets organisationer. Det innebär "
						+ "dels att locka fler aktörer att initiera och implementera systematiskt innovationsarbete, "
						+ "dels att utveckla befintliga innovationsprocesser hos aktörer.",
				null);
		sub(organisationId, version, p2, "2.1", null, "stärka kapaciteten för näringslivsfrämjande genom att samla "
				+ "aktörer samt ytterligare utveckla strukturer för samverkan och samhandling");
		sub(organisationId, version, p2, "2.2", null,
				"främja växande, starkare företag och nya livskraftiga, "
						+ "inklusive att attrahera etableringar till Västerbotten utifrån regionens möjligheter för "
						+ "platsbaserad näringslivsutveckling");
		sub(organisationId, version, p3, "3.3", null, "arbete fortsatt med att utveckla kollektivtrafiken för att "
				+ "möta målen i det regionala trafikförsörjningsprogrammet");
		sub(organisationId, version, p3, "3.4", null, "funktionen och rollen som regional bredbandskoordinator; "
				+ "öka tillgången till effektiv, säker och robust digital infrastruktur i länet");
		sub(organisationId, version, p4, "4.1", null, "skapa kapacitet för samverkan och samhandling för att stärka "
				+ "Västerbotten som en plats med hållbara livsmiljöer");
		sub(organisationId, version, p4, "4.2", null, "rumslig planering och platsens värde");
		sub(organisationId, version, p4, "4.3", null, "berätta om platsens värde för identitet och hur en historisk "
				+ "plats kan återbrukas på ett nytt sätt utan att förringa kulturmiljön");
		sub(organisationId, version, p4, "4.4", null, "en agenda för energi, där områdena hållbar smart användning, "
				+ "stabil distribution och hållbar produktion med hänsyn till natur och människor ingår");
		sub(organisationId, version, p5, "5.1", null, "stärka samverkanskapacitet inom vård och omsorg");
		sub(organisationId, version, p5, "5.2", null, "motverka riskbruk och beroende");
		sub(organisationId, version, p5, "5.4", null, "stärkta förutsättningar för tidig upptäckt avseende barn och "
				+ "unga: samverkan mellan skola, socialtjänst och hälsocentral");
		// Written as an utkast, then adopted: an adopted version is locked.
		StrategyVersion written = this.catalog.latestVersion(organisationId, rus.id());
		this.management.decide(organisationId, written.id(), written.version(), "Antagen strategi",
				StrategyStatus.ANTAGEN, "Regionfullmäktige", LocalDate.of(2020, 1, 1),
				"Fiktivt demodatum: seed 001 säger att regionfullmäktige beslutar strategin, inte när.", ACTOR);
		return rus;
	}

	private void loadRds(long organisationId, Strategy rus) {
		Strategy rds = this.management.createStrategy(organisationId, new StrategyDraft("RDS",
				"Regional digitaliseringsstrategi för Västerbotten 2022-2030",
				"Regional digitalisation strategy for Västerbotten 2022–2030",
				"Remissversion. Det övergripande målet är En nytänkande och smart region. Strategin följs upp och "
						+ "utvärderas som en del av den regionala utvecklingsstrategin.",
				null, 2022, 2030, rus.id(), true), "Remissversion", StrategyStatus.REMISS, ACTOR);
		StrategyVersion version = this.catalog.latestVersion(organisationId, rds.id());
		this.management.decide(organisationId, version.id(), version.version(), "Remissversion", StrategyStatus.REMISS,
				"Regionala utvecklingsnämndens ordförande (ordförandebeslut)", LocalDate.of(2022, 6, 17),
				"Remisstid 22 juni – 20 september 2022", ACTOR);
		long v = version.id();
		StrategyElement goal = add(organisationId, v, null, ElementType.GOAL, null, "En nytänkande och smart region",
				"An innovative and smart region",
				"Västerbotten är en plats för nya idéer och breda perspektiv, med stor vilja och förmåga till förnyelse "
						+ "och transformation. Det motsvarar en av de sex prioriteringarna i den regionala "
						+ "utvecklingsstrategin för Västerbotten.");
		List<FocusArea> areas = List.of(new FocusArea("1", "Digitala infrastrukturer", "Digital infrastructures",
				"Vi behöver ha grundläggande förutsättningar för att individer, företag och organisationer i hela "
						+ "Västerbotten ska kunna ta del av de möjligheter som digitaliseringen medför.",
				List.of("Fortsatt utbyggnad och utveckling av såväl det fasta som det mobila bredbandsnätet för "
						+ "ökad tillgänglighet och robusthet samt högre prestanda och kvalitet.",
						"Utveckla och stärka samverkan samt interoperabillitet vid införande av nya system och "
								+ "tjänster.",
						"Öka tillgång, tillgänglighet och kvaliteten samt nyttjandet av data.")),
				new FocusArea("2", "Digital delaktighet", "Digital participation",
						"Om inte alla kan och vill vara en del av det digitaliserade samhället kan vi inte heller "
								+ "realisera nyttan med digitalisering. Det uppstår också utanförskap och klyftor i "
								+ "samhället.",
						List.of("Vidareutveckla strukturer och modeller för att öka den digitala delaktigheten i hela "
								+ "länet.",
								"Säkerställa att digitala tjänster som utvecklas bidrar till en ökad digital "
										+ "delaktighet.")),
				new FocusArea("3", "Digital kompetens", "Digital competence",
						"Samhället digitalisering för med sig möjligheter och förenklar vardagen, men medför också ett "
								+ "krav på mer återkommande förändring vilket kräver kompetens, både bred och spetsig.",
						List.of("Öka den digital kompetens i företag, offentlig sektor och organisationer.",
								"Riktade insatser för att attrahera och bibehålla samt öka utbudet av arbetskraft med hög "
										+ "digitaliseringskompetens",
								"Utveckla samverkansmodeller för att dela resurser och kompetenser inom digitalisering "
										+ "mellan företag och organisationer")),
				new FocusArea("4", "Digital säkerhet", "Digital security",
						"Allt fler människor, saker, platser och tjänster är kontinuerligt uppkopplade vilket skapat "
								+ "enorma möjligheter men också stora risker och sårbarheter som vi måste hantera.",
						List.of("Insatser för att höjd kompetens och förmåga till informations- och IT-säkerhet.",
								"Öka kunskapen om och stärka förmågan till cybersäkerhet och resiliens hos regionens "
										+ "aktörer.",
								"Skapa metoder och modeller för samverkan mellan aktörer.")),
				new FocusArea("5", "Digital transformation", "Digital transformation",
						"För att ta vara på den nytta och det värde digitaliseringen kan medföra behöver vi stärka vår "
								+ "förmåga till genomgripande förändringar i verksamheter och organisationer.",
						List.of("Insatser för att öka förmåga och kapacitet till omställning och transformation genom "
								+ "digitalisering",
								"Utveckla modeller och metoder som bidrar till en hållbar digital transformation",
								"Stärka förmågan och kapaciteten för förändringsledarskap i offentlig, privat och "
										+ "idéburen sektor")),
				new FocusArea("6", "Digital innovation", "Digital innovation",
						"Vi behöver stärka och utveckla förmågan och förutsättningarna för att öka antalet digitala och "
								+ "datadrivna innovationer.",
						List.of("Skapa tvärsektoriella samverkanstrukturer och mötesplatser för digital innovation",
								"Etablera testytor och andra utforskande metoder för att främja fler digitala och "
										+ "datadrivna innovationer.",
								"Utveckla förmåga och kapacitet hos företag och organisationer för att införa och "
										+ "implementera digitala innovationer.")));
		StrategyVersion rusVersion = this.catalog.latestVersion(organisationId, rus.id());
		Map<String, StrategyElement> rusByCode = new HashMap<>();
		this.catalog.elements(organisationId, rusVersion.id())
			.stream()
			.filter(e -> e.code() != null)
			.forEach(e -> rusByCode.put(e.code(), e));
		this.elements.link(organisationId, goal.id(), rusByCode.get("1").id(), RelationType.MOTSVARAR,
				"\"Det motsvarar en av de sex prioriteringarna i den regionala utvecklingsstrategin\" (remissversionen)",
				ACTOR);
		for (FocusArea area : areas) {
			StrategyElement focus = add(organisationId, v, null, ElementType.FOCUS_AREA, area.code(), area.name(),
					area.nameEn(), area.description());
			int n = 1;
			for (String action : area.actions()) {
				add(organisationId, v, focus.id(), ElementType.ACTION, area.code() + "." + n++, action, null, null);
			}
			this.elements.link(organisationId, focus.id(), rusByCode.get("1").id(), RelationType.BIDRAR_TILL, null,
					ACTOR);
		}
		StrategyElement infrastructure = this.catalog.elements(organisationId, v)
			.stream()
			.filter(e -> "1".equals(e.code()))
			.findFirst()
			.orElseThrow();
		this.elements.link(organisationId, infrastructure.id(), rusByCode.get("3.4").id(), RelationType.BIDRAR_TILL,
				"Bredband och digital infrastruktur (delprioritering 3.4 i Resultat Västerbotten 2023)", ACTOR);
	}

	private record FocusArea(String code, String name, String nameEn, String description, List<String> actions) {
	}

	private StrategyElement add(long organisationId, long versionId, Long parentId, ElementType type, String code,
			String nameSv, String nameEn, String description, String... aliases) {
		return this.elements.addElement(organisationId, versionId, parentId,
				new ElementDraft(type, code, nameSv, nameEn, description, null, List.of(aliases)), ACTOR);
	}

	private void sub(long organisationId, long versionId, StrategyElement priority, String code, String officialName,
			String context) {
		String name = officialName != null ? officialName : "Delprioritering " + code;
		String description = officialName != null ? null
				: "Sammanhang i Resultat Västerbotten 2023 (inte delprioriteringens officiella titel): " + context;
		add(organisationId, versionId, priority.id(), ElementType.SUB_PRIORITY, code, name, null, description,
				code.replace('.', ':'));
	}

	static Set<String> demoUsernames() {
		return Set.of("anna.admin", "sara.strateg", "rasmus.rapportor", "greta.granskare", "lars.lasare",
				"nils.strateg", "nora.lasare");
	}

}
