package se.stratlas.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.internal.DatasetFiles;
import se.stratlas.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Delivery through the policy-checked data API on the real database and over HTTP: the
 * policy and the contract name the channel and the volume a day; the buyer's key is shown
 * once; every call is checked (key, purpose, licence period, volume) and logged with the
 * rows and the checksum of what was served, for both sides to see; a withdrawn donor's
 * rows leave the next call; the file path is closed; the licence's end refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeliveryApiIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Datasets datasets;

	@Autowired
	DataDonors donors;

	@Autowired
	Auctions auctions;

	@Autowired
	Deals deals;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Dataset dataset(StratlasPrincipal steward) {
		Dataset dataset = this.datasets.create(steward,
				new DatasetDraft("Resor genom API", "Resor per donator och dag.", "TRAN", null, "MONTHLY",
						Dataset.Provenance.PRODUCT, "Reseappen", "Regionen", Dataset.PersonalData.PERSONAL,
						DatasetDraft.LegalBasis.CONSENT, null, null, false, null),
				Right.Basis.CREATED);
		this.datasets.schema(steward, dataset.id(),
				Datasets.parseSchema("donor; text\ndatum; date\nresor; integer\nlangd_km; decimal; km"));
		return dataset;
	}

	private void upload(StratlasPrincipal steward, Dataset dataset, List<String> pseudonyms) {
		StringBuilder csv = new StringBuilder("donor;datum;resor;langd_km\n");
		pseudonyms.forEach(p -> csv.append(p).append(";2026-11-02;3;12,5\n"));
		csv.append("DN-UNKNOWN000;2026-11-02;9;1\n");
		this.datasets.upload(steward, dataset.id(), "resor.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private ListingDraft draft(Listing.Delivery delivery, Integer limit, Listing.Volume.Unit unit) {
		return new ListingDraft(Listing.Auction.SEALED_SECOND_PRICE, new BigDecimal("1000"), BigDecimal.ONE,
				List.of(Purpose.RESEARCH, Purpose.PLANNING), 30, false, delivery, null,
				Instant.now().plus(Duration.ofHours(1)), 0, limit, unit);
	}

	private HttpResponse<String> call(String method, String path, String token, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (key != null) {
			request.header("X-Stratlas-Deal-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theApiChecksEveryCallAgainstTheLicenceAndLogsItUntilTheLicenceEnds() throws Exception {
		StratlasPrincipal steward = Parties.strategist(this.context, "API-regionen");
		StratlasPrincipal buyer = Parties.strategist(this.context, "API-köparen AB");
		String token = this.tokens
			.create(buyer, "data", List.of(ApiTokens.Area.EXCHANGE.read(), ApiTokens.Area.EXCHANGE.write()), 1)
			.secret();
		Dataset dataset = dataset(steward);
		String a = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)).pseudonym();
		String b = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)).pseudonym();
		String c = this.donors.register(steward, dataset.id(), List.of(Purpose.MARKETING)).pseudonym();
		upload(steward, dataset, List.of(a, b, c));
		Deal deal = Parties.sold(this.context, steward, dataset.id(), buyer,
				draft(Listing.Delivery.API, 5, Listing.Volume.Unit.ROWS_PER_DAY), new BigDecimal("1500"));
		String data = "/api/exchange/deals/" + deal.id() + "/data";

		// The policy and the contract name the channel and the volume a day.
		assertThat(this.auctions.policy(deal.listingId())).contains("\"deliveryChannel\"")
			.contains("stratlas:policyCheckedApi")
			.contains("\"count\"")
			.contains("stratlas:rowsPerDay");
		try (PDDocument pdf = Loader.loadPDF(this.deals.contract(buyer, deal.id()))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("högst 5 rader per dygn");
		}
		// Not paid yet: no key.
		assertThat(call("POST", "/api/exchange/deals/" + deal.id() + "/access-key", token, null).statusCode())
			.isEqualTo(422);
		this.deals.pay(buyer, deal.id());
		// The policy says API: the file path is closed.
		assertThatThrownBy(() -> this.deals.link(buyer, deal.id())).isInstanceOf(AccessDeniedException.class);
		HttpResponse<String> noKey = call("GET", data + "?purpose=research", token, null);
		assertThat(noKey.statusCode()).isEqualTo(403);
		assertThat(noKey.body()).contains("KEY_INVALID");

		HttpResponse<String> issued = call("POST", "/api/exchange/deals/" + deal.id() + "/access-key", token, null);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String key = issued.body().replaceAll(".*\"key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		assertThat(key).startsWith(DataApi.PREFIX);
		// Only the key's hash is kept.
		assertThat(this.jdbc.sql("select count(*) from exchange_access_key where key_sha256 = :sha and deal_id = :id")
			.param("sha", DatasetFiles.sha256(key.getBytes(StandardCharsets.UTF_8)))
			.param("id", deal.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.deals.view(buyer, deal.id()).api().keyPrefix()).isEqualTo(key.substring(0, 10));

		// Covered donors only (C never consented to research, the unknown row is no
		// one's),
		// typed by the schema.
		HttpResponse<String> first = call("GET", data + "?purpose=research&offset=0&limit=2", token, key);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(first.body()).contains("\"total\":2")
			.contains("\"donor\":\"" + a + "\"")
			.contains("\"donor\":\"" + b + "\"")
			.contains("\"resor\":3")
			.contains("\"langd_km\":12.5")
			.doesNotContain(c)
			.doesNotContain("DN-UNKNOWN");
		String sha = first.body().replaceAll(".*\"sha256\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");

		HttpResponse<String> purpose = call("GET", data + "?purpose=marketing", token, key);
		assertThat(purpose.statusCode()).isEqualTo(403);
		assertThat(purpose.body()).contains("\"reason\":\"PURPOSE\"");
		HttpResponse<String> wrongKey = call("GET", data + "?purpose=research", token, key + "x");
		assertThat(wrongKey.statusCode()).isEqualTo(403);
		assertThat(wrongKey.body()).contains("KEY_INVALID");
		assertThat(call("GET", data + "?purpose=research&limit=5000", token, key).statusCode()).isEqualTo(422);

		// A withdrawal takes effect at the next call.
		this.donors.withdraw(steward, dataset.id(), b, Purpose.RESEARCH);
		HttpResponse<String> csv = call("GET", data + "/csv?purpose=research", token, key);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).isEqualTo("donor;datum;resor;langd_km\n" + a + ";2026-11-02;3;12,5\n");

		// Five rows a day: 2 + 1 served, then 1 and 1; the next is over the volume.
		assertThat(call("GET", data + "?purpose=research", token, key).statusCode()).isEqualTo(200);
		assertThat(call("GET", data + "?purpose=research", token, key).statusCode()).isEqualTo(200);
		HttpResponse<String> over = call("GET", data + "?purpose=research", token, key);
		assertThat(over.statusCode()).isEqualTo(409);
		assertThat(over.body()).contains("VOLUME_EXCEEDED");

		// Every call is logged, and both sides see the log.
		List<Deal.Access> log = this.deals.view(steward, deal.id()).accesses();
		assertThat(log).filteredOn(x -> x.kind().equals("API") && x.granted())
			.extracting(Deal.Access::rows)
			.containsExactlyInAnyOrder(2, 1, 1, 1);
		assertThat(log).filteredOn(x -> x.kind().equals("API") && x.granted())
			.allSatisfy(x -> assertThat(x.purpose()).isEqualTo("RESEARCH"));
		assertThat(log).extracting(Deal.Access::sha256).contains(sha);
		assertThat(log).filteredOn(x -> !x.granted())
			.extracting(Deal.Access::reason)
			.contains("KEY_INVALID", "PURPOSE", "VOLUME_EXCEEDED");
		assertThat(this.deals.view(buyer, deal.id()).accesses()).hasSameSizeAs(log);

		// After the licence, refused.
		this.jdbc.sql("update exchange_deal set licence_until = now() - interval '1 second' where id = :id")
			.param("id", deal.id())
			.update();
		HttpResponse<String> ended = call("GET", data + "?purpose=research", token, key);
		assertThat(ended.statusCode()).isEqualTo(403);
		assertThat(ended.body()).contains("LICENCE_ENDED");
	}

	@Test
	void aVolumeNeedsBothItsLimitAndWhatItCountsAndAFileHasNone() {
		StratlasPrincipal steward = Parties.strategist(this.context, "API-regionen 2");
		Dataset dataset = dataset(steward);
		upload(steward, dataset, List.of());
		assertThatThrownBy(() -> this.auctions.list(steward, dataset.id(), draft(Listing.Delivery.API, 10, null)))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().field()).isEqualTo("volumeUnit"));
		assertThatThrownBy(() -> this.auctions.list(steward, dataset.id(),
				draft(Listing.Delivery.API, 0, Listing.Volume.Unit.REQUESTS_PER_DAY)))
			.isInstanceOf(ValidationException.class);
		assertThat(this.auctions
			.list(steward, dataset.id(), draft(Listing.Delivery.FILE, 10, Listing.Volume.Unit.REQUESTS_PER_DAY))
			.volume()).isNull();
		assertThat(this.auctions.list(steward, dataset.id(), draft(Listing.Delivery.API, null, null)).volume())
			.isNull();
	}

}
