package se.stratlas.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.accounts.UserAdministration;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.testing.LiveHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data donors and shared value on the real database: consents per purpose, a withdrawal
 * that leaves the donor's rows out of the next deal's delivery and is reported to the
 * buyer of the running one, settlement by the dataset's distribution rule as balanced
 * ledger entries, the donor's own statement behind a token, the comparison of the pricing
 * variants, and the data-altruism register's annual report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DataDonorsIT {

	@LocalServerPort
	int port;

	@Autowired
	Datasets datasets;

	@Autowired
	DataDonors donors;

	@Autowired
	SharedValue sharedValue;

	@Autowired
	AltruismRegister register;

	@Autowired
	Auctions auctions;

	@Autowired
	Deals deals;

	@Autowired
	Rulebook rulebook;

	@Autowired
	Organisations organisations;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private StratlasPrincipal participant(String name) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Organisation org = this.organisations.ensure("donors-" + run, name);
		String username = "donors." + run;
		this.administration.create(org.id(),
				new UserAccounts.NewUser(username, name, null, EnumSet.of(Role.STRATEGIST), "donors-password-" + run),
				null, "test");
		StratlasPrincipal user = (StratlasPrincipal) this.users.loadUserByUsername(username);
		this.rulebook.accept(user);
		return user;
	}

	private Dataset mobility(StratlasPrincipal steward) {
		Dataset dataset = this.datasets.create(steward,
				new DatasetDraft("Resor med donatorer", "Resor per donator och dag.", "TRAN", null, "MONTHLY",
						Dataset.Provenance.PRODUCT, "Reseappen", "Regionen", Dataset.PersonalData.PERSONAL,
						DatasetDraft.LegalBasis.CONSENT, null, null, false, null),
				Right.Basis.CREATED);
		this.datasets.schema(steward, dataset.id(), Datasets.parseSchema("donor; text\ndatum; date\nresor; integer"));
		return dataset;
	}

	private void upload(StratlasPrincipal steward, Dataset dataset, List<String> pseudonyms) {
		StringBuilder csv = new StringBuilder("donor;datum;resor\n");
		for (String p : pseudonyms) {
			csv.append(p).append(";2026-11-02;3\n");
		}
		csv.append("DN-UNKNOWN000;2026-11-02;9\n");
		this.datasets.upload(steward, dataset.id(), "resor.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Lists the dataset, takes one bid and closes the listing; the deal. */
	private Deal sold(StratlasPrincipal steward, Dataset dataset, StratlasPrincipal buyer) {
		Listing listing = this.auctions.list(steward, dataset.id(),
				new ListingDraft(Listing.Auction.SEALED_SECOND_PRICE, new BigDecimal("1000"), BigDecimal.ONE,
						List.of(Purpose.RESEARCH), 365, false, Listing.Delivery.FILE, null,
						Instant.now().plus(Duration.ofHours(1)), 0));
		this.auctions.bid(buyer, listing.id(), new Auctions.BidDraft(new BigDecimal("1500"), Purpose.RESEARCH));
		this.jdbc.sql("update exchange_listing set closes_at = now() - interval '1 second' where id = :id")
			.param("id", listing.id())
			.update();
		return this.auctions.close(listing.id())
			.or(() -> this.deals.deals(buyer).stream().filter(d -> d.listingId() == listing.id()).findFirst())
			.orElseThrow();
	}

	private String delivered(StratlasPrincipal buyer, Deal deal) {
		DownloadLink link = this.deals.link(buyer, deal.id());
		return new String(this.deals.download(buyer, deal.id(), link.expires(), link.signature()).content(),
				StandardCharsets.UTF_8);
	}

	@Test
	void aWithdrawnConsentExcludesTheDonorsRowsFromTheNextDealsDeliveryAndIsReportedToTheRunningOne() {
		StratlasPrincipal steward = participant("Donatorregionen");
		StratlasPrincipal buyer = participant("Köparen AB");
		Dataset dataset = mobility(steward);
		String a = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)).pseudonym();
		String b = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH, Purpose.PLANNING)).pseudonym();
		String c = this.donors.register(steward, dataset.id(), List.of(Purpose.MARKETING)).pseudonym();
		upload(steward, dataset, List.of(a, b, c));
		Deal first = sold(steward, dataset, buyer);

		this.donors.withdraw(steward, dataset.id(), b, Purpose.RESEARCH);
		Deal second = sold(steward, dataset, buyer);
		this.deals.pay(buyer, first.id());
		this.deals.pay(buyer, second.id());

		// The first deal closed before the withdrawal: B's rows are still its; C never
		// consented to research, and a row of no registered donor is never delivered.
		assertThat(delivered(buyer, first)).contains(a).contains(b).doesNotContain(c).doesNotContain("DN-UNKNOWN");
		assertThat(delivered(buyer, second)).startsWith("donor;datum;resor\n").contains(a).doesNotContain(b);
		assertThat(this.deals.view(buyer, first.id()).withdrawnDonors()).containsExactly(b);
		assertThat(this.deals.view(buyer, second.id()).withdrawnDonors()).isEmpty();
		// The history stays: the withdrawn consent and a new one.
		this.donors.consent(steward, dataset.id(), b, Purpose.RESEARCH);
		Donor donor = this.donors.donors(steward, dataset.id())
			.stream()
			.filter(d -> d.pseudonym().equals(b))
			.findFirst()
			.orElseThrow();
		assertThat(donor.consents()).filteredOn(x -> x.purpose() == Purpose.RESEARCH)
			.extracting(Donor.Consent::standing)
			.containsExactly(false, true);
		assertThatThrownBy(() -> this.donors.withdraw(steward, dataset.id(), c, Purpose.RESEARCH))
			.isInstanceOf(ValidationException.class);
		assertThatThrownBy(() -> this.donors.donors(buyer, dataset.id())).isInstanceOf(NotFoundException.class);
	}

	private void settle(StratlasPrincipal steward, StratlasPrincipal buyer, Deal deal, boolean download) {
		this.deals.pay(buyer, deal.id());
		if (download) {
			delivered(buyer, deal);
		}
		this.deals.validateDelivery(buyer, deal.id());
		this.deals.validatePayment(steward, deal.id());
	}

	@Test
	void settlementPaysTheEscrowOutByTheRuleAndEachDonorReadsTheirShareWithTheToken() throws Exception {
		StratlasPrincipal steward = participant("Donatorregionen");
		StratlasPrincipal buyer = participant("Köparen AB");
		Dataset dataset = mobility(steward);
		List<DataDonors.Registration> registered = List.of(
				this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)),
				this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)),
				this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)));
		upload(steward, dataset, registered.stream().map(DataDonors.Registration::pseudonym).toList());
		assertThatThrownBy(() -> this.sharedValue.save(steward, dataset.id(),
				new SharedValue.RuleForm(new BigDecimal("70"), new BigDecimal("20"), new BigDecimal("20"),
						Distribution.Kickback.EQUAL_PER_DONOR, null, Distribution.Pricing.REVENUE_SHARE)))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().messageKey()).isEqualTo("exchange.distribution.sum"));
		assertThatThrownBy(() -> this.sharedValue.save(steward, dataset.id(),
				new SharedValue.RuleForm(new BigDecimal("70"), new BigDecimal("20"), new BigDecimal("10"),
						Distribution.Kickback.COLLECTIVE_FUND, null, Distribution.Pricing.REVENUE_SHARE)))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().field()).isEqualTo("fundPurpose"));
		this.sharedValue.save(steward, dataset.id(),
				new SharedValue.RuleForm(new BigDecimal("70"), new BigDecimal("20"), new BigDecimal("10"),
						Distribution.Kickback.EQUAL_PER_DONOR, null, Distribution.Pricing.REVENUE_SHARE));

		Deal deal = sold(steward, dataset, buyer);
		settle(steward, buyer, deal, true);

		List<Deal.Entry> ledger = this.deals.view(steward, deal.id()).ledger();
		assertThat(ExchangeIT.sum(ledger, Deals.ESCROW)).isZero();
		assertThat(ExchangeIT.sum(ledger, "seller:" + steward.organisationId())).isEqualByComparingTo("700");
		assertThat(ExchangeIT.sum(ledger, Distribution.EXCHANGE)).isEqualByComparingTo("100");
		for (DataDonors.Registration r : registered) {
			assertThat(ExchangeIT.sum(ledger, Distribution.donorAccount(dataset.id(), r.pseudonym())))
				.isEqualByComparingTo("66.66");
		}
		assertThat(ExchangeIT.sum(ledger, Distribution.fundAccount(dataset.id()))).isEqualByComparingTo("0.02");
		assertThat(this.deals.unbalanced()).isEmpty();

		DataDonors.Registration first = registered.getFirst();
		DataDonors.Statement statement = this.donors.statement(first.pseudonym(), first.token());
		assertThat(statement.paidToDonor()).isEqualByComparingTo("66.66");
		assertThat(statement.deals()).extracting(d -> d.dealId()).containsExactly(deal.id());
		assertThatThrownBy(() -> this.donors.statement(first.pseudonym(), registered.get(1).token()))
			.isInstanceOf(NotFoundException.class);
		// The donor's page is open, without signing in, for the right token only.
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + this.port + "/exchange/donors/" + first.pseudonym() + "?token=";
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + first.token())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(first.pseudonym()).contains("66,66");
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create(base + "wrong")).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aDonorWithdrawsAConsentFromTheirOwnPageAfterAConfirmationWithTheSameEffectAsTheStewards() throws Exception {
		StratlasPrincipal steward = participant("Donatorregionen");
		StratlasPrincipal buyer = participant("Köparen AB");
		Dataset dataset = mobility(steward);
		DataDonors.Registration own = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH));
		String other = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)).pseudonym();
		upload(steward, dataset, List.of(own.pseudonym(), other));
		Deal running = sold(steward, dataset, buyer);
		this.deals.pay(buyer, running.id());

		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + this.port + "/exchange/donors/" + own.pseudonym();
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create(base + "/withdrawal?token=wrong&purpose=RESEARCH")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
		HttpResponse<String> confirm = http
			.send(HttpRequest.newBuilder(URI.create(base + "/withdrawal?token=" + own.token() + "&purpose=RESEARCH"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(confirm.statusCode()).isEqualTo(200);
		// The session cookie is Secure and the test speaks plain HTTP: it is sent by
		// hand.
		String cookie = LiveHttp.sessionCookie(confirm);
		String csrf = URLEncoder.encode(LiveHttp.csrf(confirm.body()), StandardCharsets.UTF_8);
		String form = "token=" + own.token() + "&purpose=RESEARCH";
		// Without the CSRF token the withdrawal is refused and nothing changes.
		assertThat(
				http.send(post(base + "/withdrawal", form, cookie), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(403);
		assertThat(this.deals.view(buyer, running.id()).withdrawnDonors()).isEmpty();

		HttpResponse<String> done = http.send(post(base + "/withdrawal", form + "&_csrf=" + csrf, cookie),
				HttpResponse.BodyHandlers.ofString());

		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).contains("token=" + own.token());
		assertThat(this.deals.view(buyer, running.id()).withdrawnDonors()).containsExactly(own.pseudonym());
		Deal next = sold(steward, dataset, buyer);
		this.deals.pay(buyer, next.id());
		assertThat(delivered(buyer, next)).contains(other).doesNotContain(own.pseudonym());
	}

	private static HttpRequest post(String url, String form, String cookie) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	@Test
	void theComparisonShowsEachPartysOutcomeUnderEachVariantAndAFundCollectsTheDonorsShare() {
		StratlasPrincipal steward = participant("Donatorregionen");
		StratlasPrincipal buyer = participant("Köparen AB");
		Dataset dataset = mobility(steward);
		String a = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)).pseudonym();
		upload(steward, dataset, List.of(a));
		this.sharedValue.save(steward, dataset.id(),
				new SharedValue.RuleForm(new BigDecimal("60"), new BigDecimal("30"), new BigDecimal("10"),
						Distribution.Kickback.COLLECTIVE_FUND, "Kollektivtrafik i glesbygd",
						Distribution.Pricing.OUTCOME_BASED));

		// Settled without a download: the outcome is not met and the bonus goes back.
		Deal missed = sold(steward, dataset, buyer);
		settle(steward, buyer, missed, false);
		List<Deal.Entry> ledger = this.deals.view(steward, missed.id()).ledger();
		assertThat(ExchangeIT.sum(ledger, "buyer:" + buyer.organisationId())).isEqualByComparingTo("-500");
		assertThat(ExchangeIT.sum(ledger, "seller:" + steward.organisationId())).isEqualByComparingTo("300");
		assertThat(ExchangeIT.sum(ledger, Distribution.fundAccount(dataset.id()))).isEqualByComparingTo("150");
		assertThat(ExchangeIT.sum(ledger, Distribution.donorAccount(dataset.id(), a))).isZero();
		Deal refunded = sold(steward, dataset, buyer);
		this.deals.pay(buyer, refunded.id());
		this.deals.refund(buyer, refunded.id());
		assertThat(this.deals.unbalanced()).isEmpty();

		SharedValue.Comparison comparison = this.sharedValue.compare(steward, dataset.id());
		assertThat(comparison.deals()).isEqualTo(2);
		assertThat(comparison.refunded()).isEqualTo(1);
		assertThat(provider(comparison, Distribution.Pricing.FIXED_PRICE).total()).isEqualByComparingTo("1000");
		assertThat(provider(comparison, Distribution.Pricing.REVENUE_SHARE).total()).isEqualByComparingTo("600");
		assertThat(provider(comparison, Distribution.Pricing.OUTCOME_BASED).total()).isEqualByComparingTo("300");
		SharedValue.Outcome fixed = provider(comparison, Distribution.Pricing.FIXED_PRICE);
		assertThat(fixed.mean()).isEqualByComparingTo("500");
		assertThat(fixed.spread()).isEqualByComparingTo("500");
		assertThat(fixed.least()).isZero();
		assertThat(fixed.atStake()).isEqualByComparingTo("1000");
		assertThat(comparison.outcomes().get(Distribution.Pricing.REVENUE_SHARE))
			.filteredOn(o -> o.party() == SharedValue.Party.DONORS)
			.singleElement()
			.satisfies(o -> assertThat(o.total()).isEqualByComparingTo("300"));
	}

	private static SharedValue.Outcome provider(SharedValue.Comparison comparison, Distribution.Pricing variant) {
		return comparison.outcomes()
			.get(variant)
			.stream()
			.filter(o -> o.party() == SharedValue.Party.PROVIDER)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theAltruismRegisterHoldsTheEntrysFactsAndTheAnnualReportCountsTheYear() {
		StratlasPrincipal steward = participant("Altruistregionen");
		StratlasPrincipal buyer = participant("Köparen AB");
		Dataset dataset = mobility(steward);
		String a = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH)).pseudonym();
		String b = this.donors.register(steward, dataset.id(), List.of(Purpose.RESEARCH, Purpose.STATISTICS))
			.pseudonym();
		this.donors.withdraw(steward, dataset.id(), b, Purpose.STATISTICS);
		upload(steward, dataset, List.of(a, b));
		this.sharedValue.save(steward, dataset.id(),
				new SharedValue.RuleForm(new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("10"),
						Distribution.Kickback.EQUAL_PER_DONOR, null, Distribution.Pricing.REVENUE_SHARE));
		settle(steward, buyer, sold(steward, dataset, buyer), true);
		assertThatThrownBy(() -> this.register.save(steward, new AltruismRegister.EntryForm("", "x", "y")))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().field()).isEqualTo("name"));

		this.register.save(steward, new AltruismRegister.EntryForm("Altruistregionen", "dataaltruism@example.se",
				"Forskning om hållbart resande"));

		AltruismRegister.RegisterEntry entry = this.register.entry(steward);
		assertThat(entry.contact()).isEqualTo("dataaltruism@example.se");
		assertThat(entry.datasets()).containsExactly("Resor med donatorer");
		int year = LocalDate.now(ZoneId.of("Europe/Stockholm")).getYear();
		AltruismRegister.AltruismReport report = this.register.report(steward, year);
		assertThat(report.donors()).isEqualTo(2);
		assertThat(report.consentsGiven()).isEqualTo(3);
		assertThat(report.consentsWithdrawn()).isEqualTo(1);
		assertThat(report.datasets()).isEqualTo(1);
		assertThat(report.deals()).isEqualTo(1);
		assertThat(report.toDonors()).isEqualByComparingTo("100");
		assertThat(report.toFund()).isZero();
		assertThat(report.csv()).startsWith("year;organisation;donors;")
			.contains(year + ";\"Altruistregionen\";2;3;1;1;1;100.00;0");
		assertThat(this.register.report(steward, year - 1).donors()).isZero();
		assertThatThrownBy(() -> this.register.report(steward, 1066)).isInstanceOf(ValidationException.class);
	}

}
