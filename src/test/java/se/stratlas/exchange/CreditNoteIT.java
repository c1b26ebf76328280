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

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refund's credit note on the real database and over the API: refused before the
 * refund, then a UBL 2.1 CreditNote that validates against the schema and refers to the
 * deal's invoice, which stays downloadable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CreditNoteIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Datasets datasets;

	@Autowired
	Deals deals;

	@Autowired
	Invoices invoices;

	@Autowired
	ApiTokens tokens;

	@Test
	void aRefundedDealHasACreditNoteThatCancelsItsInvoice() throws Exception {
		StratlasPrincipal seller = Parties.strategist(this.context, "Kreditregionen");
		StratlasPrincipal buyer = Parties.strategist(this.context, "Kreditköparen AB");
		Dataset dataset = this.datasets.create(seller,
				new DatasetDraft("Pumpar för kreditering", "Flöde per pumpstation.", "ENVI", null, "CONT",
						Dataset.Provenance.DEVICE, "SCADA", "Kommunen", null, null, null, null, false, null),
				Right.Basis.CREATED);
		this.datasets.schema(seller, dataset.id(), Datasets.parseSchema("station; text\nflode; decimal"));
		this.datasets.upload(seller, dataset.id(), "pumpar.csv", "station;flode\nPS-1;1,5\n".getBytes());
		Deal deal = Parties.sold(this.context, seller, dataset.id(), buyer,
				new ListingDraft(Listing.Auction.SEALED_SECOND_PRICE, new BigDecimal("800"), BigDecimal.ONE,
						List.of(Purpose.RESEARCH), 30, false, Listing.Delivery.FILE, null,
						Instant.now().plus(Duration.ofHours(1)), 0),
				new BigDecimal("900"));
		this.deals.pay(buyer, deal.id());
		assertThatThrownBy(() -> this.invoices.creditNote(buyer, deal.id())).isInstanceOf(ValidationException.class);

		Deal refunded = this.deals.refund(buyer, deal.id());

		String token = this.tokens.create(buyer, "credit", List.of(ApiTokens.Area.EXCHANGE.read()), 1).secret();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create("http://localhost:" + this.port + "/api/exchange/deals/" + deal.id() + "/credit-note"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		UblSchema.validateCreditNote(response.body());
		String xml = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(xml).contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
			.contains("<cbc:ID>" + Invoices.creditNoteNumber(refunded) + "</cbc:ID>")
			.contains("<cbc:ID>" + Invoices.number(refunded) + "</cbc:ID>")
			.contains("Kreditköparen AB")
			// One bid in a sealed auction pays the reserve price.
			.contains("currencyID=\"SEK\">800.00</cbc:PrepaidAmount>");
		// The invoice it cancels stays.
		UblSchema.validate(this.invoices.invoice(seller, deal.id()));
	}

}
