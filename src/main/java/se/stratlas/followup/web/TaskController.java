package se.stratlas.followup.web;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Notices;
import se.stratlas.followup.TaskList;

/** The user's to-do list: texts to write, texts to review, and notices. */
@Controller
class TaskController {

	private final TaskList tasks;

	private final Notices notices;

	TaskController(TaskList tasks, Notices notices) {
		this.tasks = tasks;
		this.notices = notices;
	}

	@GetMapping("/followup/tasks")
	@PreAuthorize("hasRole('READER')")
	String tasks(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		TaskList.Page page = this.tasks.page(user);
		model.addAttribute("tasks", page.tasks());
		model.addAttribute("notices", page.notices());
		model.addAttribute("unread", page.unread());
		model.addAttribute("unitNames", page.unitNames());
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
