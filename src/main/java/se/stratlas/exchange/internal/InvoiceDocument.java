package se.stratlas.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * A deal's invoice in Peppol BIS Billing 3.0 (a UBL 2.1 Invoice): the seller invoices the
 * buyer for the licence to one file of a dataset; after a refund, the credit note (a UBL
 * 2.1 CreditNote) that cancels it in full.
 * <p>
 * VAT: the exchange assumes that selling a licence to data is a service taxed at the
 * standard Swedish rate, 25 % (category S), and that the auction's price is what the
 * buyer pays, VAT included, since that is what the ledger moves into escrow. The net
 * amount is the price divided by 1.25 and rounded to öre, the VAT 25 % of the net rounded
 * to öre; an öre left over is the payable rounding amount. The buyer paid in full into
 * escrow before the invoice is issued, so the whole price is the prepaid amount and
 * nothing is left to pay.
 */
public final class InvoiceDocument {

	public static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

	public static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

	static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

	static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

	static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

	static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

	static final BigDecimal VAT_PERCENT = BigDecimal.valueOf(25);

	private static final String CURRENCY = "SEK";

	private InvoiceDocument() {
	}

	/** A party: its name, its code in the instance and, if it has one, its e-mail. */
	public record Party(String name, String code, @Nullable String email) {
	}

	/** What the invoice states. */
	public record Facts(String number, LocalDate issued, long dealId, Party seller, Party buyer, String datasetTitle,
			String filename, String fileSha256, LocalDate licenceFrom, LocalDate licenceUntil, BigDecimal price) {
	}

	/** The amounts, split into net and VAT so that the totals add up. */
	public record Amounts(BigDecimal net, BigDecimal vat, BigDecimal gross, BigDecimal rounding, BigDecimal paid) {

		public static Amounts of(BigDecimal price) {
			BigDecimal paid = price.setScale(2, RoundingMode.HALF_UP);
			BigDecimal net = paid.multiply(new BigDecimal(100))
				.divide(new BigDecimal(100).add(VAT_PERCENT), 2, RoundingMode.HALF_UP);
			BigDecimal vat = net.multiply(VAT_PERCENT).divide(new BigDecimal(100), 2, RoundingMode.HALF_UP);
			BigDecimal gross = net.add(vat);
			return new Amounts(net, vat, gross, paid.subtract(gross), paid);
		}

	}

	/** The invoice a credit note cancels: its number and the day it was issued. */
	public record Reference(String number, LocalDate issued) {
	}

	public static byte[] xml(Facts f) {
		return write(f, null);
	}

	/**
	 * The credit note (UBL 2.1 CreditNote, type 381) that cancels the deal's invoice in
	 * full after a refund: the same line and amounts, referring to the invoice; the
	 * amount went back from escrow to the buyer, so nothing is left to pay.
	 */
	public static byte[] creditNote(Facts f, Reference invoice) {
		return write(f, invoice);
	}

	private static byte[] write(Facts f, @Nullable Reference credited) {
		boolean credit = credited != null;
		String root = credit ? CREDIT_NOTE : INVOICE;
		Amounts a = Amounts.of(f.price());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
			x.writeStartDocument("UTF-8", "1.0");
			x.setDefaultNamespace(root);
			x.setPrefix("cac", CAC);
			x.setPrefix("cbc", CBC);
			x.writeStartElement(root, credit ? "CreditNote" : "Invoice");
			x.writeDefaultNamespace(root);
			x.writeNamespace("cac", CAC);
			x.writeNamespace("cbc", CBC);
			text(x, "CustomizationID", CUSTOMIZATION);
			text(x, "ProfileID", PROFILE);
			text(x, "ID", f.number());
			text(x, "IssueDate", f.issued().toString());
			// 380: commercial invoice; 381: credit note.
			text(x, credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", credit ? "381" : "380");
			text(x, "Note",
					credited != null ? "Kreditering av faktura " + credited.number() + " för affär " + f.dealId()
							+ ": köparen fann leveransen felaktig. Återbetald i sin helhet från databörsens spärrkonto."
							: "Licens till data genom Stratlas databörs, affär " + f.dealId()
									+ ". Betald i sin helhet till databörsens spärrkonto.");
			text(x, "DocumentCurrencyCode", CURRENCY);
			text(x, "BuyerReference", "Affär " + f.dealId());
			x.writeStartElement(CAC, "InvoicePeriod");
			text(x, "StartDate", f.licenceFrom().toString());
			text(x, "EndDate", f.licenceUntil().toString());
			x.writeEndElement();
			if (credited != null) {
				x.writeStartElement(CAC, "BillingReference");
				x.writeStartElement(CAC, "InvoiceDocumentReference");
				text(x, "ID", credited.number());
				text(x, "IssueDate", credited.issued().toString());
				x.writeEndElement();
				x.writeEndElement();
			}
			x.writeStartElement(CAC, "ContractDocumentReference");
			text(x, "ID", "avtal-" + f.dealId());
			x.writeEndElement();
			party(x, "AccountingSupplierParty", f.seller());
			party(x, "AccountingCustomerParty", f.buyer());
			x.writeStartElement(CAC, "TaxTotal");
			amount(x, "TaxAmount", a.vat());
			x.writeStartElement(CAC, "TaxSubtotal");
			amount(x, "TaxableAmount", a.net());
			amount(x, "TaxAmount", a.vat());
			category(x, "TaxCategory");
			x.writeEndElement();
			x.writeEndElement();
			x.writeStartElement(CAC, "LegalMonetaryTotal");
			amount(x, "LineExtensionAmount", a.net());
			amount(x, "TaxExclusiveAmount", a.net());
			amount(x, "TaxInclusiveAmount", a.gross());
			amount(x, "PrepaidAmount", a.paid());
			if (a.rounding().signum() != 0) {
				amount(x, "PayableRoundingAmount", a.rounding());
			}
			amount(x, "PayableAmount", a.gross().subtract(a.paid()).add(a.rounding()));
			x.writeEndElement();
			line(x, f, a, credit);
			x.writeEndElement();
			x.writeEndDocument();
			x.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static void line(XMLStreamWriter x, Facts f, Amounts a, boolean credit) throws XMLStreamException {
		x.writeStartElement(CAC, credit ? "CreditNoteLine" : "InvoiceLine");
		text(x, "ID", "1");
		// C62: one (unit).
		x.writeStartElement(CBC, credit ? "CreditedQuantity" : "InvoicedQuantity");
		x.writeAttribute("unitCode", "C62");
		x.writeCharacters("1");
		x.writeEndElement();
		amount(x, "LineExtensionAmount", a.net());
		x.writeStartElement(CAC, "Item");
		text(x, "Description", "Licens enligt avtal-" + f.dealId() + " till filen " + f.filename() + " (SHA-256 "
				+ f.fileSha256() + ") ur datamängden " + f.datasetTitle() + ".");
		text(x, "Name", truncate("Data: " + f.datasetTitle() + ", " + f.filename(), 200));
		x.writeStartElement(CAC, "SellersItemIdentification");
		text(x, "ID", f.fileSha256());
		x.writeEndElement();
		category(x, "ClassifiedTaxCategory");
		x.writeEndElement();
		x.writeStartElement(CAC, "Price");
		amount(x, "PriceAmount", a.net());
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void party(XMLStreamWriter x, String role, Party p) throws XMLStreamException {
		x.writeStartElement(CAC, role);
		x.writeStartElement(CAC, "Party");
		if (p.email() != null && !p.email().isBlank()) {
			// EAS code EM: the party is reached by e-mail; the organisations of an
			// instance have no registered Peppol participant id.
			x.writeStartElement(CBC, "EndpointID");
			x.writeAttribute("schemeID", "EM");
			x.writeCharacters(p.email());
			x.writeEndElement();
		}
		x.writeStartElement(CAC, "PartyIdentification");
		text(x, "ID", p.code());
		x.writeEndElement();
		x.writeStartElement(CAC, "PartyName");
		text(x, "Name", p.name());
		x.writeEndElement();
		x.writeStartElement(CAC, "PostalAddress");
		x.writeStartElement(CAC, "Country");
		text(x, "IdentificationCode", "SE");
		x.writeEndElement();
		x.writeEndElement();
		x.writeStartElement(CAC, "PartyLegalEntity");
		text(x, "RegistrationName", p.name());
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void category(XMLStreamWriter x, String element) throws XMLStreamException {
		x.writeStartElement(CAC, element);
		text(x, "ID", "S");
		text(x, "Percent", VAT_PERCENT.toPlainString());
		x.writeStartElement(CAC, "TaxScheme");
		text(x, "ID", "VAT");
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void amount(XMLStreamWriter x, String element, BigDecimal value) throws XMLStreamException {
		x.writeStartElement(CBC, element);
		x.writeAttribute("currencyID", CURRENCY);
		x.writeCharacters(value.setScale(2, RoundingMode.HALF_UP).toPlainString());
		x.writeEndElement();
	}

	private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
		x.writeStartElement(CBC, element);
		x.writeCharacters(value);
		x.writeEndElement();
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
