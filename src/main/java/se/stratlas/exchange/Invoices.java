package se.stratlas.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.InvoiceDocument;
import se.stratlas.exchange.internal.MarketRepository;
import se.stratlas.shared.ValidationException;

/**
 * A deal's invoice in Peppol BIS Billing 3.0 (UBL 2.1), from the seller to the buyer,
 * once the buyer has paid, and after a refund the credit note that cancels it. It is
 * drawn from the deal's frozen facts (price, file, licence period, payment date), so
 * every download gives the same invoice; its number is the deal's, which the database
 * hands out in sequence.
 */
@Service
public class Invoices {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private final Deals deals;

	private final DatasetRepository datasetRepository;

	private final MarketRepository marketRepository;

	private final Organisations organisations;

	Invoices(Deals deals, DatasetRepository datasetRepository, MarketRepository marketRepository,
			Organisations organisations) {
		this.deals = deals;
		this.datasetRepository = datasetRepository;
		this.marketRepository = marketRepository;
		this.organisations = organisations;
	}

	/** The invoice's number: the year it was paid and the deal's id. */
	public static String number(Deal deal) {
		return "DB-" + date(deal.paidAt()).getYear() + "-" + deal.id();
	}

	/** The credit note's number: the year of the refund and the deal's id. */
	public static String creditNoteNumber(Deal deal) {
		return "DK-" + date(refundedAt(deal)).getYear() + "-" + deal.id();
	}

	/**
	 * The invoice of a deal the user's organisation is party to (any deal for the
	 * platform's administrator), as UBL 2.1 XML; refused until the deal is paid. A
	 * refunded deal keeps its invoice, which its credit note cancels.
	 */
	public byte[] invoice(StratlasPrincipal user, long dealId) {
		Deal deal = this.deals.deal(user, dealId);
		if (deal.paidAt() == null) {
			throw new ValidationException("state", "exchange.invoice.notPaid");
		}
		return InvoiceDocument.xml(facts(deal, number(deal), date(deal.paidAt())));
	}

	/**
	 * The credit note of a refunded deal, as UBL 2.1 XML: it cancels the invoice in full
	 * and refers to it; refused for a deal that is not refunded.
	 */
	public byte[] creditNote(StratlasPrincipal user, long dealId) {
		Deal deal = this.deals.deal(user, dealId);
		if (deal.state() != Deal.State.REFUNDED || deal.paidAt() == null) {
			throw new ValidationException("state", "exchange.creditNote.notRefunded");
		}
		return InvoiceDocument.creditNote(facts(deal, creditNoteNumber(deal), date(refundedAt(deal))),
				new InvoiceDocument.Reference(number(deal), date(deal.paidAt())));
	}

	private InvoiceDocument.Facts facts(Deal deal, String number, LocalDate issued) {
		long fileId = this.marketRepository.listing(deal.listingId()).orElseThrow().fileId();
		Dataset.FileVersion file = this.datasetRepository.files(deal.datasetId())
			.stream()
			.filter(f -> f.id() == fileId)
			.findFirst()
			.orElseThrow();
		return new InvoiceDocument.Facts(number, issued, deal.id(), party(deal.sellerOrganisationId()),
				party(deal.buyerOrganisationId()), deal.datasetTitle(), file.filename(), file.sha256(),
				date(deal.licenceFrom()), date(deal.licenceUntil()), deal.price());
	}

	/** When the deal was refunded: a refund sets the deal's settled time. */
	private static Instant refundedAt(Deal deal) {
		return deal.settledAt() == null ? deal.createdAt() : deal.settledAt();
	}

	private InvoiceDocument.Party party(long organisationId) {
		Organisation organisation = this.organisations.get(organisationId);
		return new InvoiceDocument.Party(organisation.name(), organisation.code(), organisation.contactEmail());
	}

	private static LocalDate date(Instant instant) {
		return instant.atZone(SWEDEN).toLocalDate();
	}

}
