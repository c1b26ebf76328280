package se.stratlas.exchange.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
import se.stratlas.exchange.AltruismRegister;
import se.stratlas.exchange.DataDonors;
import se.stratlas.exchange.Distribution;
import se.stratlas.exchange.Purpose;
import se.stratlas.exchange.SharedValue;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;

/**
 * Data donors and shared value on screen: a dataset's donors and their consents, its
 * distribution rule with the comparison of the variants, the data-altruism register, and
 * a donor's own statement and withdrawal of a consent, after a confirmation (open,
 * checked by the donor's token).
 */
@Controller
class DonorController {

	private final DataDonors donors;

	private final SharedValue sharedValue;

	private final AltruismRegister register;

	DonorController(DataDonors donors, SharedValue sharedValue, AltruismRegister register) {
		this.donors = donors;
		this.sharedValue = sharedValue;
		this.register = register;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "exchange";
	}

	@GetMapping("/exchange/datasets/{id}/donors")
	@PreAuthorize("hasRole('READER')")
	String donors(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("page", this.donors.page(user, id));
		model.addAttribute("purposes", Purpose.values());
		return "exchange/donors";
	}

	@PostMapping("/exchange/datasets/{id}/donors")
	@PreAuthorize("hasRole('STRATEGIST')")
	String register(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) List<Purpose> purposes, RedirectAttributes redirect) {
		return step(() -> redirect.addFlashAttribute("registration", this.donors.register(user, id, purposes)),
				"exchange.donor.registered", "/exchange/datasets/" + id + "/donors", redirect);
	}

	@PostMapping("/exchange/datasets/{id}/donors/{pseudonym}/consents")
	@PreAuthorize("hasRole('STRATEGIST')")
	String consent(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable String pseudonym, @RequestParam(required = false) Purpose purpose,
			RedirectAttributes redirect) {
		return step(() -> this.donors.consent(user, id, pseudonym, purpose), "exchange.donor.consented",
				"/exchange/datasets/" + id + "/donors", redirect);
	}

	@PostMapping("/exchange/datasets/{id}/donors/{pseudonym}/withdrawal")
	@PreAuthorize("hasRole('STRATEGIST')")
	String withdraw(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable String pseudonym, @RequestParam(required = false) Purpose purpose,
			RedirectAttributes redirect) {
		return step(() -> this.donors.withdraw(user, id, pseudonym, purpose), "exchange.donor.withdrawn",
				"/exchange/datasets/" + id + "/donors", redirect);
	}

	@GetMapping("/exchange/donors/{pseudonym}")
	@PreAuthorize("permitAll()")
	String statement(@PathVariable String pseudonym, @RequestParam(required = false) String token, Model model) {
		model.addAttribute("statement", this.donors.statement(pseudonym, token));
		return "exchange/donor";
	}

	@GetMapping("/exchange/donors/{pseudonym}/withdrawal")
	@PreAuthorize("permitAll()")
	String confirmWithdrawal(@PathVariable String pseudonym, @RequestParam(required = false) String token,
			@RequestParam(required = false) Purpose purpose, Model model) {
		model.addAttribute("statement", this.donors.statement(pseudonym, token));
		model.addAttribute("token", token);
		model.addAttribute("purpose", purpose);
		return "exchange/donor-withdrawal";
	}

	@PostMapping("/exchange/donors/{pseudonym}/withdrawal")
	@PreAuthorize("permitAll()")
	String withdrawOwn(@PathVariable String pseudonym, @RequestParam(required = false) String token,
			@RequestParam(required = false) Purpose purpose, RedirectAttributes redirect) {
		redirect.addAttribute("token", token);
		return step(() -> this.donors.withdrawOwn(pseudonym, token, purpose), "exchange.donor.withdrawnOwn",
				"/exchange/donors/" + pseudonym, redirect);
	}

	@GetMapping("/exchange/datasets/{id}/distribution")
	@PreAuthorize("hasRole('READER')")
	String distribution(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("comparison", this.sharedValue.compare(user, id));
		model.addAttribute("kickbacks", Distribution.Kickback.values());
		model.addAttribute("pricings", Distribution.Pricing.values());
		return "exchange/distribution";
	}

	@PostMapping("/exchange/datasets/{id}/distribution")
	@PreAuthorize("hasRole('STRATEGIST')")
	String saveDistribution(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute SharedValue.RuleForm form, RedirectAttributes redirect) {
		return step(() -> this.sharedValue.save(user, id, form), "form.saved",
				"/exchange/datasets/" + id + "/distribution", redirect);
	}

	@GetMapping("/exchange/altruism")
	@PreAuthorize("hasRole('READER')")
	String altruism(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) Integer year,
			Model model) {
		model.addAttribute("page", this.register.page(user, year));
		return "exchange/altruism";
	}

	@PostMapping("/exchange/altruism")
	@PreAuthorize("hasRole('STRATEGIST')")
	String saveAltruism(@AuthenticationPrincipal StratlasPrincipal user,
			@ModelAttribute AltruismRegister.EntryForm form, RedirectAttributes redirect) {
		return step(() -> this.register.save(user, form), "form.saved", "/exchange/altruism", redirect);
	}

	@GetMapping("/exchange/altruism/report.csv")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> reportCsv(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) Integer year) {
		AltruismRegister.AltruismReport report = this.register.report(user, year);
		return Downloads.file(report.csv().getBytes(StandardCharsets.UTF_8), Downloads.CSV,
				"dataaltruism-" + report.year() + ".csv");
	}

	private static String step(Runnable step, String done, String to, RedirectAttributes redirect) {
		try {
			step.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("flashError", ex.violations().getFirst().messageKey());
		}
		return "redirect:" + to;
	}

}
