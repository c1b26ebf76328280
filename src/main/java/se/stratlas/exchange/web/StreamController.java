package se.stratlas.exchange.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.SensorAlarms;
import se.stratlas.exchange.SensorDevices;
import se.stratlas.shared.ValidationException;

/**
 * A live sensor stream's page (devices, latest values, the last 24 hours, alarms) and the
 * organisation's alarm inbox, where an alarm is acknowledged.
 */
@Controller
class StreamController {

	private final SensorDevices devices;

	private final SensorAlarms alarms;

	StreamController(SensorDevices devices, SensorAlarms alarms) {
		this.devices = devices;
		this.alarms = alarms;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "exchange";
	}

	@GetMapping("/exchange/datasets/{id}/stream")
	@PreAuthorize("hasRole('READER')")
	String stream(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("page", this.devices.page(user, id));
		return "exchange/stream";
	}

	@GetMapping("/exchange/alarms")
	@PreAuthorize("hasRole('READER')")
	String alarms(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("alarms", this.alarms.inbox(user));
		return "exchange/alarms";
	}

	@PostMapping("/exchange/alarms/{id}/acknowledge")
	@PreAuthorize("hasRole('STRATEGIST')")
	String acknowledge(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			RedirectAttributes redirect) {
		try {
			this.alarms.acknowledge(user, id);
			redirect.addFlashAttribute("flash", "exchange.alarm.acknowledgedFlash");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("flashError", ex.violations().getFirst().messageKey());
		}
		return "redirect:/exchange/alarms";
	}

}
