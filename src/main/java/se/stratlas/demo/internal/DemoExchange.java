package se.stratlas.demo.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Role;
import se.stratlas.exchange.AltruismRegister;
import se.stratlas.exchange.Auctions;
import se.stratlas.exchange.DataApi;
import se.stratlas.exchange.DataDonors;
import se.stratlas.exchange.Dataset;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.exchange.Datasets;
import se.stratlas.exchange.Deal;
import se.stratlas.exchange.Deals;
import se.stratlas.exchange.Distribution;
import se.stratlas.exchange.DownloadLink;
import se.stratlas.exchange.Listing;
import se.stratlas.exchange.ListingDraft;
import se.stratlas.exchange.Purpose;
import se.stratlas.exchange.Right;
import se.stratlas.exchange.Rulebook;
import se.stratlas.exchange.SharedValue;

/**
 * The demo's data exchange, every figure invented and labelled so: Västerbotten offers
 * simulated readings from municipal pumping stations (seed 001's RIOT pre-study, with a
 * fault at one station) and invented travel patterns; the pumping stations are open for
 * bids from Norrbotten and an invented company; the travel patterns were sold in a sealed
 * auction, paid, delivered and settled; an invented mobility dataset has five
 * pseudonymous donors (one has withdrawn a consent), a distribution rule, a deal with
 * Norrbotten delivered through the data API and settled, and the region is entered in the
 * data-altruism register. The sealed auctions really run: listed, bid on, and closed as
 * soon as the bids are in (a demo listing may close before its deadline), so loading
 * never waits.
 */
@Component
class DemoExchange {

	static final String NOTE = "påhittade data för demonstrationen; inga verkliga mätvärden eller resor.";

	private final Datasets datasets;

	private final Auctions auctions;

	private final Deals deals;

	private final Rulebook rulebook;

	private final DataDonors donors;

	private final SharedValue sharedValue;

	private final AltruismRegister register;

	private final DataApi dataApi;

	DemoExchange(Datasets datasets, Auctions auctions, Deals deals, Rulebook rulebook, DataDonors donors,
			SharedValue sharedValue, AltruismRegister register, DataApi dataApi) {
		this.datasets = datasets;
		this.dataApi = dataApi;
		this.donors = donors;
		this.sharedValue = sharedValue;
		this.register = register;
		this.auctions = auctions;
		this.deals = deals;
		this.rulebook = rulebook;
	}

	boolean loaded(long sellerId) {
		return !this.datasets.own(new DemoFollowup.Actor(sellerId, "sara.strateg", Role.STRATEGIST)).isEmpty();
	}

	void load(Organisation vasterbotten, Organisation norrbotten, Organisation company) {
		DemoFollowup.Actor seller = new DemoFollowup.Actor(vasterbotten.id(), "sara.strateg", Role.STRATEGIST);
		DemoFollowup.Actor region = new DemoFollowup.Actor(norrbotten.id(), "nils.strateg", Role.STRATEGIST);
		DemoFollowup.Actor buyer = new DemoFollowup.Actor(company.id(), "erik.exempel", Role.STRATEGIST);
		List.of(seller, region, buyer).forEach(this.rulebook::accept);

		Dataset travel = this.datasets.create(seller, new DatasetDraft(
				"Resor med kollektivtrafiken per zon och timme (påhittade)",
				"Antal påstigande per zon och timme, summerat från biljettsystemet så att ingen resenär kan pekas ut.",
				"TRAN", "kollektivtrafik, resmönster", "MONTHLY", Dataset.Provenance.SYSTEM,
				"Biljett- och betalsystemet, summerat per zon och timme", null, Dataset.PersonalData.NONE, null, null,
				"Zoner med färre än fem påstigande en timme redovisas som tomma.", false, null), Right.Basis.CREATED,
				NOTE);
		this.datasets.schema(seller, travel.id(), Datasets.parseSchema("""
				zon; text;; Taxezon
				datum; date
				timme; integer; h
				pastigande; integer; resor"""));
		this.datasets.upload(seller, travel.id(), "resor-per-zon.csv", travelCsv());
		Listing sealed = this.auctions.list(seller, travel.id(),
				new ListingDraft(Listing.Auction.SEALED_SECOND_PRICE, new BigDecimal("2000"), BigDecimal.ONE,
						List.of(Purpose.PLANNING, Purpose.PRODUCT_DEVELOPMENT, Purpose.RESEARCH), 365, false,
						Listing.Delivery.FILE, "Leverans en gång; uppdateringar säljs i en ny listning.",
						Instant.now().plus(Duration.ofDays(1)), 0),
				NOTE);
		this.auctions.bid(region, sealed.id(), new Auctions.BidDraft(new BigDecimal("3500"), Purpose.PLANNING));
		this.auctions.bid(buyer, sealed.id(),
				new Auctions.BidDraft(new BigDecimal("4200"), Purpose.PRODUCT_DEVELOPMENT));

		Dataset pumps = this.datasets.create(seller,
				new DatasetDraft("Pumpstationer: flöde, nivå och larm (simulerade)",
						"Mätvärden var femtonde minut från avloppspumpstationer, samlade i ett regiongemensamt "
								+ "informationslager som larmar vid fel i stället för att stationerna besöks på rutin. "
								+ "PS-02 får ett stopp under dygnet.",
						"ENVI", "va, sensor, larm, RIOT", "CONT", Dataset.Provenance.DEVICE,
						"Nivågivare och flödesmätare i pumpstationerna, via kommunens styrsystem", "Kommunen",
						Dataset.PersonalData.NONE, null, null,
						"Simulerade värden. Ett tomt värde är ett uteblivet mätvärde.", false, null),
				Right.Basis.CREATED, NOTE);
		this.datasets.schema(seller, pumps.id(), Datasets.parseSchema("""
				station; text;; Pumpstationens beteckning
				tidpunkt; timestamp
				flode_l_s; decimal; l/s; Utflöde
				niva_m; decimal; m; Nivå i sumpen
				larm; boolean;; Larm från stationen"""));
		this.datasets.upload(seller, pumps.id(), "pumpstationer.csv", pumpCsv());
		Listing open = this.auctions.list(seller, pumps.id(),
				new ListingDraft(Listing.Auction.OPEN_ASCENDING, new BigDecimal("5000"), new BigDecimal("500"),
						List.of(Purpose.PUBLIC_SERVICE, Purpose.RESEARCH, Purpose.PRODUCT_DEVELOPMENT), 180, false,
						Listing.Delivery.FILE, null, Instant.now().plus(Duration.ofDays(14)), 10),
				NOTE);
		this.auctions.bid(region, open.id(), new Auctions.BidDraft(new BigDecimal("5000"), Purpose.PUBLIC_SERVICE));
		this.auctions.bid(buyer, open.id(), new Auctions.BidDraft(new BigDecimal("6000"), Purpose.PRODUCT_DEVELOPMENT));

		Deal deal = closed(seller, sealed.id());
		this.deals.pay(buyer, deal.id());
		DownloadLink link = this.deals.link(buyer, deal.id());
		this.deals.download(buyer, deal.id(), link.expires(), link.signature());
		this.deals.validateDelivery(buyer, deal.id());
		this.deals.validatePayment(seller, deal.id());

		mobilityWithDonors(seller, region);
	}

	/** The demo's sealed listing, closed now that its bids are in; the deal. */
	private Deal closed(DemoFollowup.Actor seller, long listingId) {
		return this.auctions.closeDemo(listingId)
			.or(() -> this.deals.deals(seller).stream().filter(d -> d.listingId() == listingId).findFirst())
			.orElseThrow();
	}

	/**
	 * An invented mobility dataset from the region's travel app: five donors known only
	 * by pseudonyms, one of whom has withdrawn the consent for research; sold to
	 * Norrbotten for research with delivery through the data API (a thousand rows a day),
	 * fetched once, validated and settled, so the donors' share is paid out.
	 */
	private void mobilityWithDonors(DemoFollowup.Actor seller, DemoFollowup.Actor region) {
		Dataset mobility = this.datasets.create(seller, new DatasetDraft(
				"Resor från reseappen, med donatorer (påhittade)",
				"Resor per dag från invånare som har valt att donera sina resdata. Varje rad bär donatorns pseudonym; "
						+ "en leverans innehåller bara rader från donatorer vars samtycke omfattar köparens ändamål.",
				"TRAN", "mobilitet, datadonation, dataaltruism", "MONTHLY", Dataset.Provenance.PRODUCT,
				"Regionens reseapp", "Region Västerbotten", Dataset.PersonalData.PERSONAL,
				DatasetDraft.LegalBasis.CONSENT, null, "Fem påhittade donatorer.", false, null), Right.Basis.CREATED,
				NOTE);
		this.datasets.schema(seller, mobility.id(), Datasets.parseSchema("""
				donor; text;; Donatorns pseudonym
				datum; date
				resor; integer; resor
				km; decimal; km"""));
		StringBuilder csv = new StringBuilder("donor;datum;resor;km\n");
		String withdrawing = null;
		for (int i = 0; i < 5; i++) {
			String pseudonym = this.donors
				.register(seller, mobility.id(), List.of(Purpose.RESEARCH, Purpose.PLANNING, Purpose.PUBLIC_SERVICE))
				.pseudonym();
			withdrawing = i == 3 ? pseudonym : withdrawing;
			for (int day = 1; day <= 3; day++) {
				csv.append(pseudonym)
					.append(";2026-10-0")
					.append(day)
					.append(';')
					.append(2 + (i + day) % 3)
					.append(';')
					.append(String.format(Locale.ROOT, "%.1f", 4.5 + 3.2 * i + day))
					.append('\n');
			}
		}
		this.datasets.upload(seller, mobility.id(), "resor-med-donatorer.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		this.donors.withdraw(seller, mobility.id(), withdrawing, Purpose.RESEARCH);
		this.sharedValue.save(seller, mobility.id(),
				new SharedValue.RuleForm(new BigDecimal("70"), new BigDecimal("20"), new BigDecimal("10"),
						Distribution.Kickback.EQUAL_PER_DONOR, null, Distribution.Pricing.REVENUE_SHARE));
		this.register.save(seller,
				new AltruismRegister.EntryForm("Region Västerbotten (påhittad registrering)",
						"dataaltruism@example.se (påhittad adress)",
						"Forskning och planering för hållbart resande i länet (påhittat ändamål för demonstrationen)"));
		Listing listing = this.auctions.list(seller, mobility.id(),
				new ListingDraft(Listing.Auction.SEALED_SECOND_PRICE, new BigDecimal("1500"), BigDecimal.ONE,
						List.of(Purpose.RESEARCH, Purpose.PLANNING), 90, false, Listing.Delivery.API,
						"Data hämtas genom databörsens API; påhittad affär.", Instant.now().plus(Duration.ofDays(1)), 0,
						1000, Listing.Volume.Unit.ROWS_PER_DAY),
				NOTE);
		this.auctions.bid(region, listing.id(), new Auctions.BidDraft(new BigDecimal("1800"), Purpose.RESEARCH));
		Deal deal = closed(seller, listing.id());
		this.deals.pay(region, deal.id());
		String key = this.dataApi.issueKey(region, deal.id()).key();
		this.dataApi.page(region, deal.id(), key, Purpose.RESEARCH.odrl(), 0, 100);
		this.deals.validateDelivery(region, deal.id());
		this.deals.validatePayment(seller, deal.id());
	}

	/** A day of invented boardings in four zones. */
	private static byte[] travelCsv() {
		StringBuilder csv = new StringBuilder("zon;datum;timme;pastigande\n");
		String[] zones = { "Umeå centrum", "Umeå Ersboda", "Skellefteå centrum", "Lycksele" };
		int[] base = { 420, 160, 230, 40 };
		for (int z = 0; z < zones.length; z++) {
			for (int hour = 5; hour < 24; hour++) {
				double rush = (hour == 7 || hour == 8 || hour == 16 || hour == 17) ? 1.0 : 0.35;
				long boardings = Math.round(base[z] * rush);
				csv.append(zones[z]).append(";2026-10-14;").append(hour).append(';');
				csv.append(boardings < 5 ? "" : Long.toString(boardings)).append('\n');
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A day of simulated readings from three stations; PS-02 stops at noon and raises its
	 * alarm.
	 */
	private static byte[] pumpCsv() {
		StringBuilder csv = new StringBuilder("station;tidpunkt;flode_l_s;niva_m;larm\n");
		Instant start = LocalDate.of(2026, 11, 2).atStartOfDay().toInstant(ZoneOffset.UTC);
		for (String station : List.of("PS-01", "PS-02", "PS-03")) {
			double level = 1.2;
			for (int quarter = 0; quarter < 96; quarter++) {
				boolean stopped = station.equals("PS-02") && quarter >= 48 && quarter < 60;
				double flow = stopped ? 0 : 9 + 3 * Math.sin(quarter / 96.0 * 2 * Math.PI);
				level = stopped ? level + 0.12 : Math.max(1.1, level - 0.2);
				boolean alarm = level > 2.0;
				csv.append(station)
					.append(';')
					.append(start.plus(Duration.ofMinutes(15L * quarter)))
					.append(';')
					.append(quarter == 30 && station.equals("PS-03") ? "" : String.format(Locale.ROOT, "%.1f", flow))
					.append(';')
					.append(String.format(Locale.ROOT, "%.2f", level))
					.append(';')
					.append(alarm)
					.append('\n');
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
