package se.stratlas.exchange.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import se.stratlas.exchange.Bid;
import se.stratlas.exchange.Dataset;
import se.stratlas.exchange.Listing;
import se.stratlas.exchange.Purpose;
import se.stratlas.shared.TaggedPdf;

/**
 * A deal's contract as a tagged PDF: the parties, the data (file, checksum, schema), the
 * licence in words and as its ODRL policy, the price and how the auction set it, and the
 * rulebook the parties accepted.
 */
public final class ContractDocument {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

	private ContractDocument() {
	}

	/** What the contract states. */
	public record Terms(long dealId, Listing listing, Dataset dataset, Dataset.FileVersion file, Bid winner,
			BigDecimal price, String buyer, Instant closedAt, Instant licenceUntil, int rulebookVersion,
			String rulebookTitle, String policyJson) {
	}

	/**
	 * The Swedish messages (the contract is in Swedish whatever the reader's language).
	 */
	private static final ResourceBundle SWEDISH_MESSAGES = ResourceBundle.getBundle("i18n/messages", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	/**
	 * A purpose as the contract names it, in Swedish (the policy below keeps its code).
	 */
	static String swedish(Purpose purpose) {
		return SWEDISH_MESSAGES.getString(purpose.messageKey());
	}

	public static byte[] pdf(Terms t) {
		return TaggedPdf.render(xhtml(t));
	}

	static String xhtml(Terms t) {
		Listing l = t.listing();
		String purposes = l.purposes().stream().map(ContractDocument::swedish).collect(Collectors.joining(", "));
		String fields = t.dataset()
			.fields()
			.stream()
			.map(f -> "<tr><td>" + esc(f.name()) + "</td><td>" + esc(f.type().name().toLowerCase(Locale.ROOT))
					+ "</td><td>" + esc(f.unit()) + "</td></tr>")
			.collect(Collectors.joining());
		String how = l.auction() == Listing.Auction.SEALED_SECOND_PRICE
				? "Sluten budgivning där det högsta budet vinner och betalar det näst högsta budet, lägst reservationspriset."
				: "Öppen stigande budgivning där det högsta budet vinner och betalar sitt bud.";
		return """
				<!DOCTYPE html>
				<html xmlns="http://www.w3.org/1999/xhtml" lang="sv"><head>
				<title>Avtal om data: %s</title>
				<meta name="subject" content="Avtal i databörsen"/>
				<style>body{font-family:'DejaVu Sans';font-size:10pt;line-height:1.4}h1{font-size:16pt}
				h2{font-size:12pt;margin-top:14pt}table{border-collapse:collapse;width:100%%}
				th,td{border:1px solid #999;padding:3pt;text-align:left;vertical-align:top}
				pre{font-size:7pt;white-space:pre-wrap;word-wrap:break-word}</style></head><body>
				<h1>Avtal om data: %s</h1>
				<p>Avtal nr %d i databörsen, slutet %s.</p>
				<h2>Parter</h2>
				<table><tr><th scope="row">Säljare</th><td>%s</td></tr>
				<tr><th scope="row">Köpare</th><td>%s (bud lagt av %s)</td></tr></table>
				<h2>Data</h2>
				<p>%s</p>
				<table><tr><th scope="row">Fil</th><td>%s, version %d</td></tr>
				<tr><th scope="row">Kontrollsumma (SHA-256)</th><td>%s</td></tr>
				<tr><th scope="row">Storlek</th><td>%d byte, %d rader</td></tr>
				<tr><th scope="row">Ursprung</th><td>%s</td></tr></table>
				<table><caption>Schema</caption><tr><th scope="col">Fält</th><th scope="col">Typ</th><th scope="col">Enhet</th></tr>%s</table>
				<h2>Licens</h2>
				<p>Köparen får använda data för ändamålet %s (listningen tillåter: %s) till och med %s.
				Återidentifiering av personer är förbjuden. %s Leverans: %s.</p>
				<h2>Pris</h2>
				<p>%s kronor. %s</p>
				<h2>Villkor</h2>
				<p>Parterna har godtagit %s, version %d. Särskilda villkor: %s</p>
				<h2>Licensen som ODRL-policy</h2>
				<pre>%s</pre>
				</body></html>
				"""
			.formatted(esc(t.dataset().title()), esc(t.dataset().title()), t.dealId(), time(t.closedAt()),
					esc(l.seller()), esc(t.buyer()), esc(t.winner().username()), esc(t.dataset().description()),
					esc(t.file().filename()), t.file().number(), t.file().sha256(), t.file().sizeBytes(),
					t.file().rowCount(), esc(t.dataset().provenance()), fields, swedish(t.winner().purpose()), purposes,
					time(t.licenceUntil()),
					l.onwardSale() ? "Vidareförsäljning är tillåten." : "Vidareförsäljning är förbjuden.", delivery(l),
					money(t.price()), how, esc(t.rulebookTitle()), t.rulebookVersion(),
					l.specificTerms().isBlank() ? "inga." : esc(l.specificTerms()), esc(t.policyJson()));
	}

	/** How the data is delivered, in the contract's words. */
	static String delivery(Listing l) {
		if (l.delivery() == Listing.Delivery.FILE) {
			return "som fil via tidsbegränsade signerade länkar";
		}
		String api = "genom databörsens API, som vid varje anrop prövar nyckeln, ändamålet och licensperioden"
				+ " och loggar anropet med kontrollsumman för det som lämnades";
		if (l.volume() == null) {
			return api;
		}
		return api + "; högst " + NumberFormat.getIntegerInstance(SWEDISH).format(l.volume().limit())
				+ (l.volume().unit() == Listing.Volume.Unit.ROWS_PER_DAY ? " rader" : " anrop") + " per dygn";
	}

	private static String time(Instant instant) {
		return TIME.format(instant.atZone(SWEDEN)) + " (svensk tid)";
	}

	/** An amount in kronor as Swedish readers write it: 12 500,00. */
	public static String money(BigDecimal amount) {
		NumberFormat format = NumberFormat.getNumberInstance(SWEDISH);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount);
	}

	private static String esc(String text) {
		return text == null ? ""
				: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
