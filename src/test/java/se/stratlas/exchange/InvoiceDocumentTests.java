package se.stratlas.exchange;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import se.stratlas.exchange.internal.InvoiceDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceDocumentTests {

	static InvoiceDocument.Facts facts(BigDecimal price) {
		return new InvoiceDocument.Facts("DB-2026-17", LocalDate.of(2026, 12, 3), 17,
				new InvoiceDocument.Party("Region Västerbotten", "vasterbotten", "data@regionvasterbotten.se"),
				new InvoiceDocument.Party("Budgivare & Söner AB", "bidder-1", null), "Pumpstationer <flöde>",
				"flode.csv", "ab".repeat(32), LocalDate.of(2026, 12, 3), LocalDate.of(2027, 12, 3), price);
	}

	@Test
	void theInvoiceValidatesAgainstTheUbl21InvoiceSchema() throws Exception {
		byte[] xml = InvoiceDocument.xml(facts(new BigDecimal("1000")));
		UblSchema.validate(xml);
		String text = new String(xml, StandardCharsets.UTF_8);
		assertThat(text).contains(InvoiceDocument.CUSTOMIZATION)
			.contains(InvoiceDocument.PROFILE)
			.contains("<cbc:ID>DB-2026-17</cbc:ID>")
			.contains("<cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>")
			.contains("Budgivare &amp; Söner AB")
			.contains("Pumpstationer &lt;flöde&gt;")
			.contains("flode.csv");
	}

	@Test
	void anInvoiceWithADateInWordsDoesNotValidate() {
		String xml = new String(InvoiceDocument.xml(facts(new BigDecimal("1000"))), StandardCharsets.UTF_8)
			.replace("<cbc:IssueDate>2026-12-03</cbc:IssueDate>", "<cbc:IssueDate>3 december</cbc:IssueDate>");
		assertThatThrownBy(() -> UblSchema.validate(xml.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(SAXException.class);
	}

	@Test
	void theCreditNoteValidatesAgainstTheUbl21CreditNoteSchemaAndRefersToTheInvoice() throws Exception {
		byte[] xml = InvoiceDocument.creditNote(facts(new BigDecimal("4321.50")),
				new InvoiceDocument.Reference("DB-2026-17", LocalDate.of(2026, 12, 1)));
		UblSchema.validateCreditNote(xml);
		Document doc = DocumentBuilderFactory.newDefaultNSInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(xml));
		XPath xpath = XPathFactory.newInstance().newXPath();
		assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("CreditNote");
		assertThat(xpath.evaluate("//*[local-name()='CreditNoteTypeCode']", doc)).isEqualTo("381");
		assertThat(xpath.evaluate("//*[local-name()='CustomizationID']", doc)).isEqualTo(InvoiceDocument.CUSTOMIZATION);
		assertThat(xpath.evaluate(
				"//*[local-name()='BillingReference']/*[local-name()='InvoiceDocumentReference']/*[local-name()='ID']",
				doc))
			.isEqualTo("DB-2026-17");
		assertThat(xpath.evaluate("//*[local-name()='CreditNoteLine']/*[local-name()='CreditedQuantity']", doc))
			.isEqualTo("1");
		BigDecimal gross = number(xpath, doc, "LegalMonetaryTotal", "TaxInclusiveAmount");
		BigDecimal prepaid = number(xpath, doc, "LegalMonetaryTotal", "PrepaidAmount");
		assertThat(prepaid).isEqualByComparingTo("4321.50");
		assertThat(number(xpath, doc, "LegalMonetaryTotal", "PayableAmount")).isZero();
		assertThat(gross).isEqualByComparingTo(number(xpath, doc, "LegalMonetaryTotal", "TaxExclusiveAmount")
			.add(number(xpath, doc, "TaxTotal", "TaxAmount")));
		// An invoice is not a credit note.
		assertThatThrownBy(() -> UblSchema.validateCreditNote(InvoiceDocument.xml(facts(BigDecimal.TEN))))
			.isInstanceOf(SAXException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1000", "4321.50", "100.03", "0.01", "999999.99" })
	void theTotalsAddUpToThePricePaidWithVatAt25PercentOfTheNet(String price) throws Exception {
		byte[] xml = InvoiceDocument.xml(facts(new BigDecimal(price)));
		UblSchema.validate(xml);
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		XPath xpath = XPathFactory.newInstance().newXPath();
		BigDecimal line = number(xpath, doc, "InvoiceLine", "LineExtensionAmount");
		BigDecimal lineTotal = number(xpath, doc, "LegalMonetaryTotal", "LineExtensionAmount");
		BigDecimal net = number(xpath, doc, "LegalMonetaryTotal", "TaxExclusiveAmount");
		BigDecimal gross = number(xpath, doc, "LegalMonetaryTotal", "TaxInclusiveAmount");
		BigDecimal prepaid = number(xpath, doc, "LegalMonetaryTotal", "PrepaidAmount");
		BigDecimal payable = number(xpath, doc, "LegalMonetaryTotal", "PayableAmount");
		BigDecimal vat = number(xpath, doc, "TaxTotal", "TaxAmount");
		BigDecimal taxable = number(xpath, doc, "TaxSubtotal", "TaxableAmount");
		String roundingText = xpath.evaluate("//*[local-name()='PayableRoundingAmount']", doc);
		BigDecimal rounding = roundingText.isEmpty() ? BigDecimal.ZERO : new BigDecimal(roundingText);
		// EN 16931's rules BR-CO-10, -13, -15, -16 and -17.
		assertThat(lineTotal).isEqualByComparingTo(line);
		assertThat(net).isEqualByComparingTo(lineTotal);
		assertThat(taxable).isEqualByComparingTo(net);
		assertThat(vat).isEqualByComparingTo(net.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP));
		assertThat(gross).isEqualByComparingTo(net.add(vat));
		assertThat(payable).isEqualByComparingTo(gross.subtract(prepaid).add(rounding)).isZero();
		assertThat(prepaid).isEqualByComparingTo(price);
		assertThat(rounding.abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
	}

	private static BigDecimal number(XPath xpath, Document doc, String parent, String element) throws Exception {
		return new BigDecimal(
				xpath.evaluate("(//*[local-name()='" + parent + "']/*[local-name()='" + element + "'])[1]", doc));
	}

}
