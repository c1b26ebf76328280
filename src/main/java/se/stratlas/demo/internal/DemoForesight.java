package se.stratlas.demo.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.Dialogue;
import se.stratlas.foresight.Dialogues;
import se.stratlas.foresight.ScanItem;
import se.stratlas.foresight.ScanItem.Effect;
import se.stratlas.foresight.ScanItem.Horizon;
import se.stratlas.foresight.ScanItem.Kind;
import se.stratlas.foresight.ScanItem.Scope;
import se.stratlas.foresight.Scanning;
import se.stratlas.foresight.Scenario;
import se.stratlas.foresight.Scenarios;
import se.stratlas.foresight.SwotBoard;
import se.stratlas.foresight.Workshop;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshops;

/**
 * The demo's foresight: the new EU regulation that Resultat Västerbotten 2023 (seed 001)
 * names in priority 1's omvärldsbevakning, and the Gällivare and Piteå SWOT workshops of
 * Region Norrbotten's project "Regional förnyelse" (seed 004).
 */
@Component
class DemoForesight {

	static final String SCAN_NOTE = "Demo: texten kommer ur Resultat Västerbotten 2023 (prioritering 1). Effekt, styrka och tidshorisont är demons bedömning utifrån texten; datumet är året som texten anger.";

	static final String SWOT_NOTE = "Demo: punkterna kommer ur projektet Regional förnyelse (Region Norrbotten, Länsstyrelsen och LTU). Källan visar båda orternas resultat i samma bild; vilken ort som är vilken är härlett ur innehållet (Dundret och malmfälten, LTU och närheten till Rovaniemi, Kemi och Oulu).";

	private final Scanning scanning;

	private final Workshops workshops;

	private final SwotBoard board;

	private final Scenarios scenarios;

	private final Dialogues dialogues;

	DemoForesight(Scanning scanning, Workshops workshops, SwotBoard board, Scenarios scenarios, Dialogues dialogues) {
		this.board = board;
		this.dialogues = dialogues;
		this.scanning = scanning;
		this.workshops = workshops;
		this.scenarios = scenarios;
	}

	static final String SCENARIO_NOTE = "Demo: scenariot och dess förutsättningar och konsekvenser kommer ur \"Scenarier för Norrbotten år 2050\" i projektet Regional förnyelse; källan placerar inte scenarierna på några axlar.";

	private void scenario(Actor demo, String name, List<String> preconditions, List<String> consequences) {
		this.scenarios.create(demo, new Scenario.Draft("Regional förnyelse", name, 2050, null, preconditions,
				consequences, null, null, List.of()), SCENARIO_NOTE);
	}

	private void scenariosAndDimensions(Actor demo) {
		scenario(demo, "Basindustriregionen", List.of("Stark efterfrågan på metaller och råvaror"),
				List.of("Konjunkturkänsligt", "Ökad automatiserad produktion", "Befolkningskoncentrationer i länet",
						"Möjliga markkonflikter", "Reducerade miljöeffekter"));
		scenario(demo, "Kunskap, kreativitet och kommunikation som regional drivkraft",
				List.of("Samhällstrend som möjliggör att personer väljer bostadsort snarare än yrke",
						"Behov av fungerande kommunikationer"),
				List.of("Specialiserade och relativt högavlönade arbeten",
						"Regional utveckling fokus på att skapa attraktiva samhällen",
						"Växande skillnader mellan länets kommuner", "Styrda kultursatsningar?",
						"Ökade inkomstskillnader"));
		scenario(demo, "Förändrat globalt klimat med nya möjligheter",
				List.of("Ett förändrat klimat, vilket är mer fördelaktigt kring arktis", "Politisk stabilitet",
						"Goda kommunikationer", "Goda förutsättningar för rent vatten, ren energi"),
				List.of("Näringsliv baserat på naturresurser och grön förnybar energi samt IKT och en stärkt besöksnäring",
						"Möjliggör jordbruk och odling i högre utsträckning",
						"Förändrade förutsättningar för bl a rennäringen"));
		scenario(demo, "Smart specialisering baserad på relaterad variation",
				List.of("Fortsatt rationalisering av basindustrin medverkar till reducerade arbetstillfällen",
						"Utveckling av verksamheter relaterade till regionens traditionella industri och kompetens"),
				List.of("Högre nyttjande av regionens särpräglade kompetenser och unika resurser",
						"Ökad satsning på utbildning och FoU",
						"Ex utvecklad livsmedelsproduktion, besöksnäring, datalagring, energiproduktion"));
		scenario(demo, "Diversifiering efter en nationell genomsnittsmodell", List.of(
				"Regional utveckling fokuserar enligt logiken att dagens avvikelser i t.ex. branschstruktur mellan regional och nationell nivå tolkas som regionala över- eller underskott",
				"Svag konjunktur i basindustrierna"),
				List.of("Regional utveckling fokuserar på att harmonisera skillnader i strävan att nå riksgenomsnittet",
						"Ett Norrbotten där säregenheter som präglar dagens näringslivsstruktur till viss del suddas ut",
						"Finansierat uppbyggnaden av ett attraktivt Norrbotten i syfte att reducera beroende av basindustri",
						"Mer diversifierat näringsliv med riket som modell (utifrån nationella trender)",
						"Hård konkurrens och blandat resultat"));
		String note = "Demo: dimensionerna kommer ur \"Betydelsefulla dimensioner för Norrbottens framtid\" (projektet Regional förnyelse).";
		this.scenarios.addDimension(demo, "Regional förnyelse", "Demografiska faktorer",
				List.of("Mångfald", "Integration", "Svag befolkningsutveckling"), note);
		this.scenarios.addDimension(demo, "Regional förnyelse", "Kompetensbehov",
				List.of("Pensionsavgångar", "Låg utbildningsnivå", "Svag kompetensmatchning"), note);
		this.scenarios.addDimension(demo, "Regional förnyelse", "Näringar",
				List.of("Råvaruberoende", "Låg andel tjänsteindustri", "Låg andel exportföretag"), note);
		this.scenarios.addDimension(demo, "Regional förnyelse", "Näringsliv och offentlig sektor",
				List.of("Genusobalans", "Attraktivitet i vård och omsorg"), note);
		this.scenarios.addDimension(demo, "Regional förnyelse", "Företagarkultur och support",
				List.of("Svag entreprenörskapskultur", "Spretig företagssupport"), note);
	}

	private record Actor(long organisationId) implements StratlasPrincipal {

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
			return DemoRegion.ACTOR;
		}

		@Override
		public Set<Role> roles() {
			return EnumSet.of(Role.STRATEGIST);
		}

	}

	void loadVasterbotten(long organisationId, UUID priority1) {
		Actor demo = new Actor(organisationId);
		partnershipDay(demo);
		item(demo, "European Sustainability Reporting Standards (ESRS)", Kind.REGELVERK, LocalDate.of(2024, 1, 1),
				Effect.THREAT, 3, Horizon.KORT, List.of("hållbarhetsrapportering", "industri", "småföretag"), priority1,
				"EU kommer inom kort att införa skärpta rapporteringskrav för industrin med avseende på hållbarhet, man börjar 2024 med de större industrierna för att några år senare ställa motsvarande krav på de mindre. För de stora industrierna med egna resurser är detta inga större problem, men för de små och medelstora kommer detta att kunna innebära problem.");
		item(demo, "Nis2-direktivet", Kind.REGELVERK, null, Effect.THREAT, 3, Horizon.KORT,
				List.of("informationssäkerhet", "kommuner"), priority1,
				"Nis2-direktivet kommer att höja kraven på informationssäkerhet där verksamheter behöver fokusera på person, process, riskanalys, teknologi och beredskap för potentiella attacker. Troligen kommer detta direktiv att medföra nya arbetsuppgifter och krav på säkerhetskompetens och kostnader för att åtgärda brister funna vid inspektioner.");
		item(demo, "AI-förordningen (AI Act)", Kind.REGELVERK, LocalDate.of(2026, 1, 1), Effect.THREAT, 3,
				Horizon.MEDEL, List.of("AI", "offentlig sektor"), priority1,
				"I AI-förordningen (AI Act) klassificeras AI-system baserat på risknivåer. AI i offentlig sektor ska alltid bedömas som hög risk om liggande förslag inte ändras. Höga böter i kombination med oklara definitioner av till exempel AI skapar osäkerheter som kan hämma upptaget av AI.");
		item(demo, "Dataförvaltningsförordningen (Data Governance Act)", Kind.REGELVERK, LocalDate.of(2023, 1, 1),
				Effect.THREAT, 2, Horizon.KORT, List.of("data", "kommuner"), priority1,
				"Förordningen ska underlätta återanvändning av vissa offentliga data, säkerställa pålitliga dataförmedlare, och underlätta datautbyte över sektorer och gränser. Om och när det kommer krav på data från någon som stödjer sin begäran på denna förordning måste kommunerna kunna uppfylla begäran vilket kan bli svårt och kostsamt.");
		item(demo, "Dataförordningen (Data Act)", Kind.REGELVERK, null, Effect.OPPORTUNITY, 3, Horizon.MEDEL,
				List.of("data", "resiliens"), priority1,
				"Dataförordningen ska stimulera EU:s dataekonomi genom att främja industriell dataanvändning och skapa en konkurrenskraftig europeisk molnmarknad. Här kan kommunerna få tillgång till nya data från till exempel näringslivet; vissa kommuner kan troligen öka sin resiliens mot exempelvis naturkatastrofer.");
	}

	private void partnershipDay(Actor demo) {
		Dialogue day = this.dialogues.create(demo, "Region Västerbotten och Umeå universitets Partnerskapsdag",
				LocalDate.of(2020, 11, 19), "Online", "Dieter Müller", null,
				"Demo: program och spår ur inbjudan till Partnerskapsdagen 19 november 2020. Gruppernas resultat finns inte i källan och fylls i av samtalsledarna.");
		String[][] agenda = { { "08:45", "09:00", "Incheckning", null },
				{ "09:00", "09:15", "Inledning: Varför strategiskt partnerskap; fyra fokusområden i partnerskapet",
						"Hans Adolfsson, Dieter Müller, Kent Ehliasson och Anna Pettersson" },
				{ "09:15", "09:30", "Finansieringsfrågor: Vilka olika källor till finansiering finns det?",
						"Anders Wennström, Umeå universitet" },
				{ "09:30", "10:15",
						"Goda exempel på samarbeten: kompetensförsörjning, Digital Impact North, AI (strålbehandling), MT-FoU",
						"Tobias Thomson, Anna Lindqvist, Magnus Rudehäll, Per Levén, Björn Zackrisson, Tufve Nyholm, Per Hallberg, Anders Eklund" },
				{ "10:15", "10:30", "Paus", null },
				{ "10:30", "11:30", "Utmaningar i Västerbotten: valbara och parallella spår", null },
				{ "11:30", "11:45", "Återsamling och sammanfattning av dialogerna", "Samtalsledarna" },
				{ "11:45", "12:00", "Summering av dagen, nästa steg och avslutning",
						"Hans Adolfsson, Dieter Müller, Kent Ehliasson och Anna Pettersson" } };
		for (String[] item : agenda) {
			this.dialogues.addAgendaItem(demo, day.id(), LocalTime.parse(item[0]), LocalTime.parse(item[1]), item[2],
					item[3]);
		}
		this.dialogues.addTrack(demo, day.id(),
				"Vad kan och bör en kommun och en region fokusera på för att underlätta kompetensförsörjningen?",
				"Northvolt bygger en batterifabrik i Skellefteå i Norra Västerbotten. Arbetslösheten i regionen är lägst i landet och arbetskraftsreserven är minimal. För att undvika överhettning på arbetsmarknaden och för att inte hamna i en lösning med fly in - fly out behövs inflyttning.",
				"3000 medarbetare under perioden 2020–2025; 10 000 eller ännu mer inom en tioårsperiod; investeringen cirka 40 miljarder kronor; Skellefteå och de två närmaste kommunerna knappt 85 000 innevånare.",
				"Jan Midlert", List.of());
		this.dialogues.addTrack(demo, day.id(), "Målkonflikter i omställningsarbetet mot ett hållbart samhälle",
				"Hur kan målkonflikter i omställningsarbetet mot ett hållbart samhälle hanteras? Även om vi exempelvis har mycket skog så kommer den inte att räcka till alla anspråk.",
				"Fossiloberoende fordonsflotta till år 2030; 70 procent minskad klimatpåverkan från transportsektorn.",
				"Maud Ericson", List.of());
		this.dialogues.addTrack(demo, day.id(), "Hantera data som en resurs eller råvara",
				"Data har ett värde och är en resurs som bör hanteras som andra insatsvaror: utvinningen av data och en marknadsplats för data.",
				null, "Thomas Kvist", List.of());
		this.dialogues.addTrack(demo, day.id(), "Region Västerbotten som motor för framtidens vårdutveckling",
				"Hur ska all data ligga som grund för framtidens vårdutveckling?", null, "Per Hallberg", List.of());
	}

	private void item(Actor demo, String title, Kind kind, LocalDate on, Effect effect, int strength, Horizon horizon,
			List<String> tags, UUID element, String description) {
		this.scanning.create(demo, new ScanItem.Draft(kind, title, description, Scope.EU, on, null, effect, strength,
				horizon, tags, element == null ? List.of() : List.of(element)), SCAN_NOTE);
	}

	void loadNorrbotten(long organisationId) {
		Actor demo = new Actor(organisationId);
		scenariosAndDimensions(demo);
		Workshop gallivare = this.workshops
			.create(demo,
					new Workshop.Draft("Regional förnyelse", "Regional workshop Gällivare", null, "2523",
							"Region Norrbotten, Länsstyrelsen i Norrbottens län, LTU", null, "SWOT", List.of()),
					SWOT_NOTE);
		swot(demo, gallivare, Quadrant.STRENGTH, "Attraktiv natur", "Arbetstillfällen", "Kommunikationer",
				"Rekreation (ex dundret)", "Sociala aktiviteter");
		swot(demo, gallivare, Quadrant.WEAKNESS, "S.k. \"fly-in-fly-out\"-lösningar", "Bostadsbrist",
				"Svårt att konkurrera med gruvnäring i lön", "Bristfällig integration på arbetsplatser",
				"Ibland brist på acceptans för utlandsfödda och hbt-personer");
		swot(demo, gallivare, Quadrant.OPPORTUNITY, "Ökat byggande och inflyttning",
				"Uppmuntra utbildning och kompetensmatchning", "Bättre klimat på arbetsplatser i offentlig sektor",
				"Marknadsför kommunernas möjligheter", "Stimulera acceptans och gemenskap");
		swot(demo, gallivare, Quadrant.THREAT, "Naturresursernas förbannelse", "Revirtänk mot utomstående",
				"Skev bild av länet i media", "Dålig bild av vårdyrket", "Osäkerhet om malmfälten");
		Workshop pitea = this.workshops
			.create(demo,
					new Workshop.Draft("Regional förnyelse", "Regional workshop Piteå", null, "2581",
							"Region Norrbotten, Länsstyrelsen i Norrbottens län, LTU", null, "SWOT", List.of()),
					SWOT_NOTE);
		swot(demo, pitea, Quadrant.STRENGTH, "Attraktivitet", "Arbetstillfällen", "Social sammanhållning", "Välfärd",
				"\"Landsbygdens närhet\"", "Samverkan inom regionen", "LTU, samt närhet till Rovaniemi, Kemi, Oulu",
				"Infrastruktur");
		swot(demo, pitea, Quadrant.WEAKNESS, "Demografi", "Ojämställdhet, särskilt vissa branscher", "Bostadsbrist",
				"\"Stuprörstänk\"", "Begränsande regelverk (t.ex. för Arbetsförmedlingen)",
				"Kompetensbrist i nyckelfunktioner");
		swot(demo, pitea, Quadrant.OPPORTUNITY, "Ökad inflyttning", "Ökad omvärldsbevakning",
				"Tillvarata kunskap/kompetens", "Utveckla samverkan ytterligare mellan näringsliv, kommuner, LTU etc.",
				"Tänka \"region\" mer", "Exportera \"samhällslösningar\", t.ex. hur vi organiserar sophantering");
		swot(demo, pitea, Quadrant.THREAT, "Arbetslöshet (långtids)", "Svårt att få in utlandsfödda på arbetsmarknaden",
				"Ingen norrbotniabana", "Förutfattade meningar om t.ex. ungdomar och nysvenskar",
				"Brist på drivkraft att studera/utvecklas", "Kommuners ekonomi ansträngd",
				"Misslyckad generationsväxling");
	}

	private void swot(Actor demo, Workshop workshop, Quadrant quadrant, String... items) {
		for (String item : items) {
			this.board.add(demo, workshop.id(), quadrant, item);
		}
	}

}
