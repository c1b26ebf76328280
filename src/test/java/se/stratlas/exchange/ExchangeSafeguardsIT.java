package se.stratlas.exchange;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an outside test of the exchange broke, held on the real database: no refund after
 * the buyer confirmed or kept the data, a refund ends the right of use, who no longer
 * owns the data cannot sell or publish it, the value split cannot change under a running
 * deal, sealed bids and bidders stay secret, a sealed bid cannot be lowered, only the
 * buyer's strategists fetch the data, and the contract carries the deal's number.
 */
@SpringBootTest
@ActiveProfiles("test")
class ExchangeSafeguardsIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Datasets datasets;

	@Autowired
	Deals deals;

	@Autowired
	Auctions auctions;

	@Autowired
	RightsRegister rights;

	@Autowired
	SharedValue sharedValue;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBuyerWhoConfirmedOrKeptTheDataGetsNoRefundAndARefundEndsTheRightOfUse() {
		StratlasPrincipal seller = Parties.strategist(this.context, "Skyddsregionen");
		StratlasPrincipal buyer = Parties.strategist(this.context, "Skyddsköparen AB");
		Deal confirmed = sold(seller, buyer, "Bekräftad leverans");
		this.deals.pay(buyer, confirmed.id());
		download(buyer, confirmed.id());
		this.deals.validateDelivery(buyer, confirmed.id());
		assertThatThrownBy(() -> this.deals.refund(buyer, confirmed.id())).isInstanceOf(ValidationException.class)
			.hasMessageContaining("exchange.refund.validated");

		Deal kept = sold(seller, buyer, "Hämtad men fel");
		this.deals.pay(buyer, kept.id());
		download(buyer, kept.id());
		assertThatThrownBy(() -> this.deals.refund(buyer, kept.id())).isInstanceOf(ValidationException.class)
			.hasMessageContaining("exchange.refund.deleteFirst");
		this.deals.attestDeletion(buyer, kept.id());
		assertThat(this.deals.refund(buyer, kept.id()).state()).isEqualTo(Deal.State.REFUNDED);
		Right use = this.rights.rights(kept.datasetId())
			.stream()
			.filter(r -> kept.id() == (r.dealId() == null ? -1 : r.dealId()))
			.findFirst()
			.orElseThrow();
		assertThat(use.validAt(Instant.now().plusSeconds(1))).as("a refunded deal's right of use has ended").isFalse();
	}

	@Test
	void whoTransfersTheDataCannotSellOrPublishItAndItsOpenListingIsWithdrawn() {
		StratlasPrincipal seller = Parties.strategist(this.context, "Överlåtande kommunen");
		Dataset dataset = dataset(seller, "Överlåtna mätningar");
		Listing listing = this.auctions.list(seller, dataset.id(), draft(Listing.Auction.SEALED_SECOND_PRICE));

		this.rights.transfer(seller, dataset.id(), new RightsRegister.Transfer(Right.Subject.DATA, Right.Kind.OWNERSHIP,
				Right.Basis.BOUGHT, "Vattenbolaget AB", null));

		assertThat(this.auctions.listing(listing.id()).state()).isEqualTo(Listing.State.WITHDRAWN);
		assertThatThrownBy(() -> this.auctions.list(seller, dataset.id(), draft(Listing.Auction.OPEN_ASCENDING)))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("exchange.rights.notOwner");
		assertThatThrownBy(() -> this.datasets.upload(seller, dataset.id(), "ny.csv", "plats;varde\nA;1\n".getBytes()))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("exchange.rights.notOwner");
		Dataset now = this.datasets.own(seller, dataset.id());
		assertThatThrownBy(() -> this.datasets.update(seller, dataset.id(), now.version(),
				new DatasetDraft(now.title(), now.description(), "ENVI", null, "CONT", Dataset.Provenance.DEVICE,
						"Givare", "Kommunen", null, null, null, null, true, "CC0-1.0")))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("exchange.rights.notOwner");
	}

	@Test
	void theValueSplitCannotChangeWhileADealOnTheDatasetIsUnsettled() {
		StratlasPrincipal seller = Parties.strategist(this.context, "Fördelande regionen");
		StratlasPrincipal buyer = Parties.strategist(this.context, "Fördelningsköparen AB");
		Deal deal = sold(seller, buyer, "Fördelad data");
		SharedValue.RuleForm outcomeBased = new SharedValue.RuleForm(new BigDecimal("33.33"), new BigDecimal("33.33"),
				new BigDecimal("33.34"), Distribution.Kickback.COLLECTIVE_FUND, "Fonden",
				Distribution.Pricing.OUTCOME_BASED);
		assertThatThrownBy(() -> this.sharedValue.save(seller, deal.datasetId(), outcomeBased))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("exchange.distribution.locked");
		this.deals.pay(buyer, deal.id());
		download(buyer, deal.id());
		this.deals.validateDelivery(buyer, deal.id());
		this.deals.validatePayment(seller, deal.id());
		assertThat(this.deals.deal(seller, deal.id()).state()).isEqualTo(Deal.State.SETTLED);
		assertThat(this.sharedValue.save(seller, deal.datasetId(), outcomeBased)).isNotNull();
	}

	@Test
	void sealedBidsAndBiddersStaySecretAndASealedBidCannotBeLowered() {
		StratlasPrincipal seller = Parties.strategist(this.context, "Hemliga regionen");
		StratlasPrincipal first = Parties.strategist(this.context, "Första budgivaren AB");
		StratlasPrincipal second = Parties.strategist(this.context, "Andra budgivaren AB");
		Dataset dataset = dataset(seller, "Hemliga mätningar");
		Listing sealed = this.auctions.list(seller, dataset.id(), draft(Listing.Auction.SEALED_SECOND_PRICE));
		this.auctions.bid(first, sealed.id(), new Auctions.BidDraft(new BigDecimal("20000"), Purpose.RESEARCH));
		assertThatThrownBy(() -> this.auctions.bid(first, sealed.id(),
				new Auctions.BidDraft(new BigDecimal("11000"), Purpose.RESEARCH)))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("exchange.bid.belowOwn");
		this.auctions.bid(second, sealed.id(), new Auctions.BidDraft(new BigDecimal("15000"), Purpose.RESEARCH));

		ListingView secondSees = this.auctions.view(second, sealed.id());
		assertThat(secondSees.bids()).hasSize(1).allMatch(b -> b.organisationId() == second.organisationId());
		assertThat(secondSees.bidderNumbers()).as("no count of the others").hasSize(1);
		assertThat(secondSees.bidderNumber(secondSees.bids().getFirst())).isEqualTo(1);

		close(sealed.id());
		ListingView loserSees = this.auctions.view(second, sealed.id());
		assertThat(loserSees.winner().bidder()).isEqualTo("Första budgivaren AB");
		assertThat(loserSees.winner().username()).as("not the person who bid").isEmpty();
		assertThat(loserSees.winner().amount()).as("the price, not the secret bid").isEqualByComparingTo("15000");

		Listing open = this.auctions.list(seller, dataset.id(), draft(Listing.Auction.OPEN_ASCENDING));
		this.auctions.bid(first, open.id(), new Auctions.BidDraft(new BigDecimal("1000"), Purpose.RESEARCH));
		this.auctions.bid(second, open.id(), new Auctions.BidDraft(new BigDecimal("1100"), Purpose.RESEARCH));
		ListingView openSeen = this.auctions.view(second, open.id());
		Bid others = openSeen.bids()
			.stream()
			.filter(b -> b.organisationId() != second.organisationId())
			.findFirst()
			.orElseThrow();
		assertThat(others.bidder()).isEmpty();
		assertThat(others.username()).isEmpty();
		assertThat(others.organisationId()).as("no organisation id to look up").isNegative();
		assertThat(openSeen.bidderNumber(others)).isPositive();
	}

	@Test
	void onlyTheBuyersStrategistsFetchTheDataAndTheContractCarriesTheDealsNumber() throws IOException {
		StratlasPrincipal seller = Parties.strategist(this.context, "Numrerande regionen");
		StratlasPrincipal buyer = Parties.strategist(this.context, "Numrerade köparen AB");
		// A listing without a deal first, so that listing and deal numbers differ.
		this.auctions.list(seller, dataset(seller, "Osåld").id(), draft(Listing.Auction.SEALED_SECOND_PRICE));
		Deal deal = sold(seller, buyer, "Numrerad data");
		this.deals.pay(buyer, deal.id());
		StratlasPrincipal reader = Parties.reader(this.context, buyer);
		assertThatThrownBy(() -> this.deals.link(reader, deal.id())).isInstanceOf(AccessDeniedException.class);
		assertThat(this.deals.link(buyer, deal.id())).isNotNull();
		try (PDDocument pdf = Loader.loadPDF(this.deals.contract(buyer, deal.id()))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Avtal nr " + deal.id() + " i databörsen")
				.contains("ändamålet forskning")
				.doesNotContain("ändamålet research");
		}
		assertThat(deal.listingId()).isNotEqualTo(deal.id());
	}

	@Test
	void aSellerWithdrawsAListingWithoutBidsButNotOneBiddersReliedOn() {
		StratlasPrincipal seller = Parties.strategist(this.context, "Ångrande regionen");
		StratlasPrincipal buyer = Parties.strategist(this.context, "Tidiga budgivaren AB");
		Dataset dataset = dataset(seller, "Felprissatt");
		Listing wrong = this.auctions.list(seller, dataset.id(), draft(Listing.Auction.OPEN_ASCENDING));
		assertThat(this.auctions.view(seller, wrong.id()).mayWithdraw()).isTrue();
		assertThatThrownBy(() -> this.auctions.withdraw(buyer, wrong.id())).isInstanceOf(NotFoundException.class);
		assertThat(this.auctions.withdraw(seller, wrong.id()).state()).isEqualTo(Listing.State.WITHDRAWN);

		Listing relied = this.auctions.list(seller, dataset.id(), draft(Listing.Auction.OPEN_ASCENDING));
		this.auctions.bid(buyer, relied.id(), new Auctions.BidDraft(new BigDecimal("900"), Purpose.RESEARCH));
		assertThat(this.auctions.view(seller, relied.id()).mayWithdraw()).isFalse();
		assertThatThrownBy(() -> this.auctions.withdraw(seller, relied.id())).isInstanceOf(ValidationException.class)
			.hasMessageContaining("exchange.listing.hasBids");
	}

	private Dataset dataset(StratlasPrincipal seller, String title) {
		Dataset dataset = this.datasets.create(seller, new DatasetDraft(title, "Mätvärden per plats.", "ENVI", null,
				"CONT", Dataset.Provenance.DEVICE, "Givare", "Kommunen", null, null, null, null, false, null),
				Right.Basis.CREATED);
		this.datasets.schema(seller, dataset.id(), Datasets.parseSchema("plats; text\nvarde; decimal"));
		this.datasets.upload(seller, dataset.id(), "matning.csv", "plats;varde\nA;1,5\nB;2\n".getBytes());
		return dataset;
	}

	private static ListingDraft draft(Listing.Auction auction) {
		return new ListingDraft(auction, new BigDecimal("800"), BigDecimal.ONE, List.of(Purpose.RESEARCH), 30, false,
				Listing.Delivery.FILE, null, Instant.now().plus(Duration.ofHours(1)), 0);
	}

	private Deal sold(StratlasPrincipal seller, StratlasPrincipal buyer, String title) {
		return Parties.sold(this.context, seller, dataset(seller, title).id(), buyer,
				draft(Listing.Auction.SEALED_SECOND_PRICE), new BigDecimal("900"));
	}

	private void close(long listingId) {
		this.jdbc.sql("update exchange_listing set closes_at = now() - interval '1 second' where id = :id")
			.param("id", listingId)
			.update();
		this.auctions.close(listingId);
	}

	private void download(StratlasPrincipal buyer, long dealId) {
		DownloadLink link = this.deals.link(buyer, dealId);
		this.deals.download(buyer, dealId, link.expires(), link.signature());
	}

}
