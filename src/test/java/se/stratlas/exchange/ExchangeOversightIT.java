package se.stratlas.exchange;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.accounts.UserAdministration;

import org.assertj.core.data.Offset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange's oversight on the real database and over HTTP: a paid deal's invoice in
 * Peppol BIS Billing 3.0 validates against the UBL 2.1 schema; the governance view sums
 * the rights, the deals per month and the concentration, for the platform's administrator
 * only; the register as open data names no person; an open dataset joins the public DCAT
 * catalogue, which still conforms to the DCAT-AP-SE shapes, and its file is served
 * without login, while a dataset that is not open is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stratlas.exchange.close-every=1s")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeOversightIT {

	private static final String CSV = """
			station;tidpunkt;flode_l_s;larm
			PS-01;2026-11-01T00:00:00Z;12,5;false
			""";

	@LocalServerPort
	int port;

	@Autowired
	Datasets datasets;

	@Autowired
	RightsRegister rights;

	@Autowired
	Auctions auctions;

	@Autowired
	Deals deals;

	@Autowired
	Governance governance;

	@Autowired
	Rulebook rulebook;

	@Autowired
	Organisations organisations;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private StratlasPrincipal seller;

	private StratlasPrincipal buyer;

	private String buyerToken;

	private String adminToken;

	private String buyerOrganisation;

	@BeforeAll
	void participants() {
		this.seller = principal("sara.strateg");
		this.rulebook.accept(this.seller);
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.buyerOrganisation = "Köparen " + run + " & Co AB";
		Organisation org = this.organisations.ensure("buyer-" + run, this.buyerOrganisation);
		String username = "buyer." + run;
		this.administration.create(org.id(), new UserAccounts.NewUser(username, "Köpare", null,
				EnumSet.of(Role.STRATEGIST), "buyers-password-" + run), null, "test");
		this.buyer = principal(username);
		this.rulebook.accept(this.buyer);
		List<String> scopes = List.of(ApiTokens.Area.EXCHANGE.read(), ApiTokens.Area.EXCHANGE.write());
		this.buyerToken = this.tokens.create(this.buyer, "oversight", scopes, 1).secret();
		this.adminToken = this.tokens.create(principal("admin"), "oversight", scopes, 1).secret();
	}

	private StratlasPrincipal principal(String username) {
		return (StratlasPrincipal) this.users.loadUserByUsername(username);
	}

	private Dataset dataset(String title, boolean open) {
		Dataset dataset = this.datasets.create(this.seller,
				new DatasetDraft(title, "Flöde och larm per pumpstation, varje kvart.", "ENVI", "va, sensor", "CONT",
						Dataset.Provenance.DEVICE, "SCADA i kommunernas pumpstationer", "Kommunen", null, null, null,
						"Saknade värden är tomma.", open, open ? "CC-BY-4.0" : null),
				Right.Basis.CREATED);
		this.datasets.schema(this.seller, dataset.id(),
				Datasets.parseSchema("station; text\ntidpunkt; timestamp\nflode_l_s; decimal; l/s\nlarm; boolean"));
		this.datasets.upload(this.seller, dataset.id(), "pumpar.csv", CSV.getBytes(StandardCharsets.UTF_8));
		return this.datasets.own(this.seller, dataset.id());
	}

	private Deal deal(Dataset dataset, String amount) throws InterruptedException {
		Listing listing = this.auctions.list(this.seller, dataset.id(),
				new ListingDraft(Listing.Auction.OPEN_ASCENDING, new BigDecimal("1000"), new BigDecimal("10"),
						List.of(Purpose.RESEARCH), 365, false, Listing.Delivery.FILE, null,
						Instant.now().plus(Duration.ofHours(1)), 0));
		this.auctions.bid(this.buyer, listing.id(), new Auctions.BidDraft(new BigDecimal(amount), Purpose.RESEARCH));
		this.jdbc.sql("update exchange_listing set closes_at = now() - interval '1 second' where id = :id")
			.param("id", listing.id())
			.update();
		Instant giveUp = Instant.now().plusSeconds(60);
		while (this.auctions.listing(listing.id()).open() && Instant.now().isBefore(giveUp)) {
			Thread.sleep(200);
		}
		return this.deals.deals(this.buyer)
			.stream()
			.filter(d -> d.listingId() == listing.id())
			.findFirst()
			.orElseThrow();
	}

	private HttpResponse<byte[]> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void aPaidDealsInvoiceIsPeppolBisBilling3AndValidatesAgainstTheUbl21Schema() throws Exception {
		// An open ascending auction's only bid pays its bid.
		Deal deal = deal(dataset("Pumpstationer, fakturerade", false), "1234.56");
		String path = "/api/exchange/deals/" + deal.id() + "/invoice";
		assertThat(get(path, this.buyerToken).statusCode()).as("no invoice before payment").isEqualTo(422);
		this.deals.pay(this.buyer, deal.id());
		HttpResponse<byte[]> invoice = get(path, this.buyerToken);
		assertThat(invoice.statusCode()).isEqualTo(200);
		assertThat(invoice.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
		UblSchema.validate(invoice.body());
		String xml = new String(invoice.body(), StandardCharsets.UTF_8);
		assertThat(xml).contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0")
			.contains("<cbc:ID>" + Invoices.number(this.deals.deal(this.buyer, deal.id())) + "</cbc:ID>")
			.contains("Region Västerbotten")
			.contains(this.buyerOrganisation.replace("&", "&amp;"))
			.contains("Pumpstationer, fakturerade")
			.contains("pumpar.csv")
			.contains("<cbc:PrepaidAmount currencyID=\"SEK\">1234.56</cbc:PrepaidAmount>")
			.contains("<cbc:Percent>25</cbc:Percent>");
		assertThat(get("/api/exchange/deals/" + deal.id() + "/invoice", null).statusCode()).isEqualTo(401);
	}

	@Test
	void theGovernanceViewSumsRightsDealsAndConcentrationForThePlatformAdministratorOnly() throws Exception {
		deal(dataset("Pumpstationer, tillsyn", false), "1500");
		GovernanceView view = this.governance.view();
		assertThat(view.unbalanced()).isEmpty();
		assertThat(view.deals()).isPositive();
		assertThat(view.months()).isNotEmpty();
		assertThat(view.months().stream().mapToInt(GovernanceView.Month::deals).sum()).isEqualTo(view.deals());
		GovernanceView.Holder region = view.holders()
			.stream()
			.filter(h -> h.holder().equals("Region Västerbotten"))
			.findFirst()
			.orElseThrow();
		assertThat(region.organisation()).isTrue();
		assertThat(region.titles()).contains("Pumpstationer, tillsyn");
		assertThat(region.ownership()).isGreaterThanOrEqualTo(2);
		assertThat(view.sellers().shares()).extracting(GovernanceView.Share::party).contains("Region Västerbotten");
		assertThat(view.sellers()
			.shares()
			.stream()
			.map(GovernanceView.Share::percent)
			.reduce(BigDecimal::add)
			.orElseThrow()).isCloseTo(new BigDecimal("100"), Offset.offset(new BigDecimal("0.5")));
		assertThat(view.sellers().hhi()).isBetween(1, 10000);

		assertThat(get("/api/exchange/governance", this.adminToken).statusCode()).isEqualTo(200);
		assertThat(get("/api/exchange/governance", this.buyerToken).statusCode()).isEqualTo(403);
	}

	@Test
	void theRegisterAsOpenDataNamesNoPersonAndNoUser() throws Exception {
		Dataset dataset = dataset("Pumpstationer, registret", false);
		this.rights.transfer(this.seller, dataset.id(), new RightsRegister.Transfer(Right.Subject.DATA, Right.Kind.USE,
				Right.Basis.LICENSED, "Maja Medborgare", "Äger sensorn i sitt hus"));
		deal(dataset, "1100");
		RegisterExport register = this.governance.register();
		RegisterExport.Entry entry = register.datasets()
			.stream()
			.filter(d -> d.id() == dataset.id())
			.findFirst()
			.orElseThrow();
		assertThat(entry.rights()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(entry.rights()).extracting(RegisterExport.RightEntry::holder)
			.contains("Region Västerbotten")
			.containsNull();
		assertThat(entry.deals()).singleElement()
			.satisfies(d -> assertThat(d.buyer()).isEqualTo(this.buyerOrganisation));
		String csv = new String(get("/api/exchange/governance/register", this.adminToken).body(),
				StandardCharsets.UTF_8) + new String(this.governance.registerCsv(), StandardCharsets.UTF_8);
		assertThat(csv).contains("Pumpstationer, registret")
			.doesNotContain("Maja Medborgare")
			.doesNotContain(this.buyer.username());
	}

	@Test
	void anOpenDatasetJoinsThePublicCatalogueWhichStillConformsAndItsFileIsPublic() throws Exception {
		Dataset open = dataset("Pumpstationer, öppna data", true);
		Dataset closed = dataset("Pumpstationer, stängda", false);
		HttpResponse<byte[]> rdf = get("/public/reports/catalog.rdf", null);
		assertThat(rdf.statusCode()).isEqualTo(200);
		Model model = ModelFactory.createDefaultModel();
		RDFParser.source(new ByteArrayInputStream(rdf.body())).lang(Lang.RDFXML).parse(model);
		Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("shacl/dcat-ap-se-stratlas.ttl"));
		ValidationReport report = ShaclValidator.get().validate(shapes, model.getGraph());
		if (!report.conforms()) {
			ShLib.printReport(report);
		}
		assertThat(report.conforms()).isTrue();
		String base = "http://localhost:" + this.port;
		Resource set = model.getResource(base + "/public/exchange/datasets/" + open.id());
		assertThat(model.contains(set, RDF.type, DCAT.Dataset)).isTrue();
		assertThat(set.getProperty(DCTerms.title).getString()).isEqualTo("Pumpstationer, öppna data");
		assertThat(set.getPropertyResourceValue(DCAT.theme).getURI()).endsWith("/data-theme/ENVI");
		Resource distribution = set.getPropertyResourceValue(DCAT.distribution);
		assertThat(distribution.getPropertyResourceValue(DCTerms.license).getURI())
			.isEqualTo("http://creativecommons.org/licenses/by/4.0/");
		assertThat(new String(rdf.body(), StandardCharsets.UTF_8)).contains(open.latestFile().sha256());
		assertThat(model.containsResource(model.getResource(base + "/public/exchange/datasets/" + closed.id())))
			.isFalse();
		// The organisation's own catalogue names it too.
		assertThat(new String(get("/public/reports/catalog.rdf?organisation=vasterbotten", null).body(),
				StandardCharsets.UTF_8))
			.contains("/public/exchange/datasets/" + open.id());

		String url = distribution.getPropertyResourceValue(DCAT.downloadURL).getURI();
		HttpResponse<byte[]> file = get(URI.create(url).getPath(), null);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(CSV);
		assertThat(get("/public/exchange/datasets/" + closed.id() + "/file", null).statusCode()).isEqualTo(404);
	}

}
