package se.stratlas.exchange.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.Deal;
import se.stratlas.exchange.DealView;
import se.stratlas.exchange.Deals;
import se.stratlas.exchange.DownloadLink;
import se.stratlas.exchange.Invoices;
import se.stratlas.shared.tables.Downloads;

/** The data exchange's deals in the JSON API: payment, validation, delivery, contract. */
@RestController
@RequestMapping("/api/exchange/deals")
@Tag(name = "Exchange", description = "The data exchange: datasets, rights, listings and bids")
class DealApiController {

	private final Deals deals;

	private final Invoices invoices;

	DealApiController(Deals deals, Invoices invoices) {
		this.deals = deals;
		this.invoices = invoices;
	}

	@GetMapping
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeDeals", summary = "The deals the organisation sold or bought")
	List<Deal> deals(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.deals.deals(user);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeDeal", summary = "A deal with its ledger, access log and the next steps")
	DealView deal(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.deals.view(user, id);
	}

	@PostMapping("/{id}/payment")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "payExchangeDeal", summary = "The buyer pays; the exchange holds the payment")
	Deal pay(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.deals.pay(user, id);
	}

	@PostMapping("/{id}/delivery-validation")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "validateExchangeDelivery",
			summary = "The buyer confirms the delivery: checksum and schema are checked")
	Deal validateDelivery(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.deals.validateDelivery(user, id);
	}

	@PostMapping("/{id}/payment-validation")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "validateExchangePayment", summary = "The seller confirms that the payment arrived")
	Deal validatePayment(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.deals.validatePayment(user, id);
	}

	@PostMapping("/{id}/refund")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "refundExchangeDeal",
			summary = "The buyer finds the delivery wrong: the payment goes back and the licence ends")
	Deal refund(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.deals.refund(user, id);
	}

	@PostMapping("/{id}/deletion-attestation")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "attestExchangeDeletion", summary = "The buyer attests that copies are deleted")
	Deal attest(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.deals.attestDeletion(user, id);
	}

	@GetMapping("/{id}/contract")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeContract", summary = "The deal's contract as a tagged PDF")
	ResponseEntity<byte[]> contract(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return Downloads.file(this.deals.contract(user, id), MediaType.APPLICATION_PDF, "avtal-" + id + ".pdf");
	}

	@GetMapping("/{id}/invoice")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeInvoice",
			summary = "The deal's invoice in Peppol BIS Billing 3.0 (UBL 2.1), once the buyer has paid")
	ResponseEntity<byte[]> invoice(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return Downloads.file(this.invoices.invoice(user, id), MediaType.APPLICATION_XML, "faktura-" + id + ".xml");
	}

	@GetMapping("/{id}/credit-note")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeCreditNote",
			summary = "A refunded deal's credit note in Peppol BIS Billing 3.0 (UBL 2.1), cancelling its invoice")
	ResponseEntity<byte[]> creditNote(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return Downloads.file(this.invoices.creditNote(user, id), MediaType.APPLICATION_XML,
				"kreditnota-" + id + ".xml");
	}

	@GetMapping("/{id}/link")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "exchangeDownloadLink",
			summary = "A time-limited signed link to the delivery, for the buyer while the licence holds")
	DownloadLink link(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.deals.link(user, id);
	}

	@GetMapping("/{id}/download")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeDownload",
			summary = "The delivered file through a signed link; every access is logged, refused after the licence")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam long expires, @RequestParam String signature) {
		Deals.Delivery delivery = this.deals.download(user, id, expires, signature);
		return Downloads.file(delivery.content(), MediaType.parseMediaType(delivery.mediaType()), delivery.filename());
	}

}
