package se.stratlas.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.internal.ExchangeRepository;
import se.stratlas.exchange.internal.InvoiceDocument;
import se.stratlas.shared.ValidationException;

/**
 * A deal's invoice in Peppol BIS Billing 3.0 (UBL 2.1), from the seller to the buyer,
 * once the buyer has paid. It is drawn from the deal's frozen facts (price, file, licence
 * period, payment date), so every download gives the same invoice; its number is the
 * deal's, which the database hands out in sequence.
 */
@Service
public class Invoices {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private final Deals deals;

	private final ExchangeRepository repository;

	private final Organisations organisations;

	Invoices(Deals deals, ExchangeRepository repository, Organisations organisations) {
		this.deals = deals;
		this.repository = repository;
		this.organisations = organisations;
	}

	/** The invoice's number: the year it was paid and the deal's id. */
	public static String number(Deal deal) {
		return "DB-" + date(deal.paidAt()).getYear() + "-" + deal.id();
	}

	/**
	 * The invoice of a deal the user's organisation is party to (any deal for the
	 * platform's administrator), as UBL 2.1 XML; refused until the deal is paid, and for
	 * a refunded deal.
	 */
	public byte[] invoice(StratlasPrincipal user, long dealId) {
		Deal deal = this.deals.deal(user, dealId);
		if (deal.paidAt() == null || deal.state() == Deal.State.REFUNDED) {
			throw new ValidationException("state", "exchange.invoice.notPaid");
		}
		long fileId = this.repository.listing(deal.listingId()).orElseThrow().fileId();
		Dataset.FileVersion file = this.repository.files(deal.datasetId())
			.stream()
			.filter(f -> f.id() == fileId)
			.findFirst()
			.orElseThrow();
		return InvoiceDocument.xml(new InvoiceDocument.Facts(number(deal), date(deal.paidAt()), deal.id(),
				party(deal.sellerOrganisationId()), party(deal.buyerOrganisationId()), deal.datasetTitle(),
				file.filename(), file.sha256(), date(deal.licenceFrom()), date(deal.licenceUntil()), deal.price()));
	}

	private InvoiceDocument.Party party(long organisationId) {
		Organisation organisation = this.organisations.get(organisationId);
		return new InvoiceDocument.Party(organisation.name(), organisation.code(), organisation.contactEmail());
	}

	private static LocalDate date(Instant instant) {
		return instant.atZone(SWEDEN).toLocalDate();
	}

}
