package se.stratlas.start.web;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.start.StartPage;

/**
 * The start page: for a visitor what Stratlas is and where the published reports are; for
 * a signed-in user what to do next.
 */
@Controller
class StartController {

	private final StartPage start;

	StartController(StartPage start) {
		this.start = start;
	}

	@GetMapping("/")
	@PreAuthorize("permitAll()")
	String home(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("activeNav", "home");
		if (user == null) {
			return "home";
		}
		model.addAttribute("view", this.start.view(user, LocalDate.now()));
		model.addAttribute("today", LocalDate.now());
		return "start/start";
	}

}
