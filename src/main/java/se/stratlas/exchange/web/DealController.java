package se.stratlas.exchange.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.DataApi;
import se.stratlas.exchange.Deals;
import se.stratlas.exchange.Invoices;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;

/**
 * A deal's page and its steps: pay, validate the delivery or the payment, refund, attest
 * deletion; the contract and the delivery through a signed link or, for the data API, a
 * new access key shown once.
 */
@Controller
class DealController {

	private final Deals deals;

	private final Invoices invoices;

	private final DataApi api;

	DealController(Deals deals, Invoices invoices, DataApi api) {
		this.deals = deals;
		this.invoices = invoices;
		this.api = api;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "exchange";
	}

	@GetMapping("/exchange/deals/{id}")
	@PreAuthorize("hasRole('READER')")
	String deal(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("view", this.deals.view(user, id));
		return "exchange/deal";
	}

	@PostMapping("/exchange/deals/{id}/pay")
	@PreAuthorize("hasRole('STRATEGIST')")
	String pay(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
		return step(() -> this.deals.pay(user, id), id, "exchange.deal.paid", redirect);
	}

	@PostMapping("/exchange/deals/{id}/validate-delivery")
	@PreAuthorize("hasRole('STRATEGIST')")
	String validateDelivery(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			RedirectAttributes redirect) {
		return step(() -> this.deals.validateDelivery(user, id), id, "exchange.deal.deliveryValidated", redirect);
	}

	@PostMapping("/exchange/deals/{id}/validate-payment")
	@PreAuthorize("hasRole('STRATEGIST')")
	String validatePayment(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			RedirectAttributes redirect) {
		return step(() -> this.deals.validatePayment(user, id), id, "exchange.deal.paymentValidated", redirect);
	}

	@PostMapping("/exchange/deals/{id}/refund")
	@PreAuthorize("hasRole('STRATEGIST')")
	String refund(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
		return step(() -> this.deals.refund(user, id), id, "exchange.deal.refunded", redirect);
	}

	@PostMapping("/exchange/deals/{id}/attest")
	@PreAuthorize("hasRole('STRATEGIST')")
	String attest(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
		return step(() -> this.deals.attestDeletion(user, id), id, "exchange.deal.attested", redirect);
	}

	@PostMapping("/exchange/deals/{id}/access-key")
	@PreAuthorize("hasRole('STRATEGIST')")
	String issueKey(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			RedirectAttributes redirect) {
		return step(() -> redirect.addFlashAttribute("accessKey", this.api.issueKey(user, id).key()), id,
				"exchange.deal.keyIssued", redirect);
	}

	private static String step(Runnable step, long id, String done, RedirectAttributes redirect) {
		try {
			step.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("flashError", ex.violations().getFirst().messageKey());
		}
		return "redirect:/exchange/deals/" + id;
	}

	@GetMapping("/exchange/deals/{id}/contract.pdf")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> contract(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return Downloads.file(this.deals.contract(user, id), MediaType.APPLICATION_PDF, "avtal-" + id + ".pdf");
	}

	@GetMapping("/exchange/deals/{id}/invoice.xml")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> invoice(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return Downloads.file(this.invoices.invoice(user, id), MediaType.APPLICATION_XML, "faktura-" + id + ".xml");
	}

	@GetMapping("/exchange/deals/{id}/credit-note.xml")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> creditNote(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return Downloads.file(this.invoices.creditNote(user, id), MediaType.APPLICATION_XML,
				"kreditnota-" + id + ".xml");
	}

	@GetMapping("/exchange/deals/{id}/download")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam long expires, @RequestParam String signature) {
		Deals.Delivery delivery = this.deals.download(user, id, expires, signature);
		return Downloads.file(delivery.content(), MediaType.parseMediaType(delivery.mediaType()), delivery.filename());
	}

}
