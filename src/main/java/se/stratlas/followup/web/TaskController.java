package se.stratlas.followup.web;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Notices;

/** The user's to-do list: texts to write, texts to review, and notices. */
@Controller
class TaskController {

	private final Contributions contributions;

	private final Notices notices;

	private final OrganisationUnits units;

	TaskController(Contributions contributions, Notices notices, OrganisationUnits units) {
		this.contributions = contributions;
		this.notices = notices;
		this.units = units;
	}

	@GetMapping("/followup/tasks")
	@PreAuthorize("hasRole('READER')")
	String tasks(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("tasks", this.contributions.tasks(user));
		model.addAttribute("notices", this.notices.list(user));
		model.addAttribute("unread", this.notices.unread(user));
		model.addAttribute("unitNames", this.units.names(user.organisationId()));
		model.addAttribute("today", LocalDate.now());
		return "followup/tasks";
	}

	@PostMapping("/followup/notices/read")
	@PreAuthorize("hasRole('READER')")
	String read(@AuthenticationPrincipal StratlasPrincipal user) {
		this.notices.markRead(user);
		return "redirect:/followup/tasks";
	}

}
